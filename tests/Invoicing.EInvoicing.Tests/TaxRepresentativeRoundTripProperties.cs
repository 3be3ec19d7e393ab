using System.Xml;
using FsCheck;
using FsCheck.Xunit;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.EInvoicing.Tests;

/// <summary>For any seller tax representative the writers accept, CII and UBL read it back equal.</summary>
public sealed class TaxRepresentativeRoundTripProperties
{
    private static readonly string[] Countries = ["FR", "DE", "GR", "NO", "CH"];

    [Property(MaxTest = 200)]
    public bool Write_AnyRepresentative_ReadsBackEqualInCiiAndUbl(NonWhiteSpaceString name, string? vatId, string? line1, string? line3, string? city, int country, bool withAddress)
    {
        if (Clean(name.Get) is not { } cleanName)
        {
            return true;
        }

        var representative = new TaxRepresentative
        {
            Name = cleanName,
            VatId = Clean(vatId),
            Address = withAddress
                ? new PostalAddress { Line1 = Clean(line1), Line3 = Clean(line3), City = Clean(city), CountryCode = Countries[Math.Abs(country % Countries.Length)] }
                : null,
        };
        var invoice = CiiSamples.Domestic() with { SellerTaxRepresentative = representative };

        var fromCii = EInvoiceReader.Read(CiiWriter.ToBytes(invoice)).Invoice.SellerTaxRepresentative;
        var fromUbl = UblReader.Read(UblWriter.Write(invoice)).Invoice.SellerTaxRepresentative;

        return representative == fromCii && representative == fromUbl;
    }

    /// <summary>
    /// What a text field can be in XML and read back as it was: XML characters only (no lone surrogate, no carriage
    /// return, which XML parsers turn into a line feed), without surrounding white space, which the readers trim.
    /// </summary>
    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var kept = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                kept.Append(c).Append(value[++i]);
            }
            else if (!char.IsSurrogate(c) && c != '\r' && XmlConvert.IsXmlChar(c))
            {
                kept.Append(c);
            }
        }

        var trimmed = kept.ToString().Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
