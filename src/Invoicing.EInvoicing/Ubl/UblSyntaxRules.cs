using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing.Xml;

namespace Invoicing.EInvoicing.Ubl;

/// <summary>
/// The EN 16931 business rules as they apply to a UBL document (BR-, BR-CO-, BR-CL-, the VAT category rules
/// BR-S/Z/E/AE/IC/G/O/IG/IP, and the UBL syntax rules UBL-SR/UBL-DT), checked on the XML itself. They check
/// what only exists in the file: stated totals against the amounts they sum (BR-CO-10 to BR-CO-16), element
/// presence, code lists, cardinalities. Because they read the tree rather than the model, they also judge
/// partial documents the reader refuses, and name the element at fault.
/// </summary>
public static class UblSyntaxRules
{
    /// <summary>Checks a UBL Invoice or CreditNote, read securely from <paramref name="xml"/>.</summary>
    /// <returns>Every rule broken, errors and warnings; empty when the document passes.</returns>
    /// <exception cref="InvoiceFormatException">The input is not well-formed XML, is hostile (DTD, size, depth) or is not a UBL Invoice or CreditNote.</exception>
    public static IReadOnlyList<ValidationIssue> Validate(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return Validate(SecureXml.Load(xml));
    }

    /// <summary>Checks a UBL Invoice or CreditNote given as bytes.</summary>
    /// <returns>Every rule broken, errors and warnings; empty when the document passes.</returns>
    /// <exception cref="InvoiceFormatException">See <see cref="Validate(Stream)"/>.</exception>
    public static IReadOnlyList<ValidationIssue> Validate(byte[] xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var stream = new MemoryStream(xml, writable: false);
        return Validate(stream);
    }

    internal static IReadOnlyList<ValidationIssue> Validate(XElement root)
    {
        var creditNote = root.Name == XName.Get("CreditNote", UblNames.CreditNoteNamespace);
        if (!creditNote && root.Name != XName.Get("Invoice", UblNames.InvoiceNamespace))
        {
            throw new InvoiceFormatException(
                $"The root element {{{root.Name.NamespaceName}}}{root.Name.LocalName} is not a UBL 2.1 Invoice or CreditNote (XML-ROOT).",
                "/" + root.Name.LocalName);
        }

        return new UblRuleRunner(root, creditNote).Run();
    }
}
