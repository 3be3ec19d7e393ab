using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.EInvoicing.Tests;

/// <summary>Everything the UBL writer produces validates against the corpus UBL 2.1 schemas (as far as they are complete).</summary>
public sealed class UblSchemaTests
{
    public static TheoryData<string> Names() => CiiSamples.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void Write_Sample_ValidatesAgainstTheUblSchemas(string name)
    {
        var xml = UblWriter.Write(CiiSamples.Named(name));

        Assert.Empty(UblSchema.Validate(xml));
    }

    [Fact]
    public void Validate_ElementsOutOfOrder_IsReported()
    {
        var xml = System.Text.Encoding.UTF8.GetString(UblWriter.Write(CiiSamples.Named("domestic")));
        var swapped = xml.Replace("<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>", string.Empty, StringComparison.Ordinal)
            .Replace("<cbc:CustomizationID>", "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode><cbc:CustomizationID>", StringComparison.Ordinal);

        Assert.NotEmpty(UblSchema.Validate(System.Text.Encoding.UTF8.GetBytes(swapped)));
    }

    [Fact]
    public void Validate_AmountWithoutCurrency_IsReported()
    {
        var xml = System.Text.Encoding.UTF8.GetString(UblWriter.Write(CiiSamples.Named("domestic")));
        var broken = xml.Replace("<cbc:PayableAmount currencyID=\"EUR\">", "<cbc:PayableAmount>", StringComparison.Ordinal);

        Assert.Contains(UblSchema.Validate(System.Text.Encoding.UTF8.GetBytes(broken)), e => e.StartsWith("PayableAmount", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CorpusExample_IsValid()
    {
        var xml = File.ReadAllBytes(UblSchema.Corpus("peppol/base-example.xml"));

        Assert.Empty(UblSchema.Validate(xml));
    }
}
