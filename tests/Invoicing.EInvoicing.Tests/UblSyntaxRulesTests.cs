using System.Text;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.EInvoicing.Tests;

public sealed class UblSyntaxRulesTests
{
    private static string Written() => Encoding.UTF8.GetString(UblWriter.Write(CiiSamples.Simple(VatCategory.S, 20m)));

    private static IReadOnlyList<ValidationIssue> Validate(string xml) => UblSyntaxRules.Validate(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void Validate_WrittenInvoice_HasNoIssue()
    {
        Assert.Empty(Validate(Written()));
    }

    [Theory]
    [InlineData("<cbc:PayableAmount currencyID=\"EUR\">306.00</cbc:PayableAmount>", "<cbc:PayableAmount currencyID=\"EUR\">306.01</cbc:PayableAmount>", "BR-CO-16", "PayableAmount")]
    [InlineData("<cbc:TaxInclusiveAmount currencyID=\"EUR\">306.00</cbc:TaxInclusiveAmount>", "<cbc:TaxInclusiveAmount currencyID=\"EUR\">300.00</cbc:TaxInclusiveAmount>", "BR-CO-15", "TaxInclusiveAmount")]
    [InlineData("<cbc:LineExtensionAmount currencyID=\"EUR\">255.00</cbc:LineExtensionAmount>\n    <cbc:TaxExclusiveAmount", "<cbc:LineExtensionAmount currencyID=\"EUR\">255.01</cbc:LineExtensionAmount>\n    <cbc:TaxExclusiveAmount", "BR-CO-10", "LineExtensionAmount")]
    [InlineData("<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>", "<cbc:DocumentCurrencyCode>EUX</cbc:DocumentCurrencyCode>", "BR-CL-04", "DocumentCurrencyCode")]
    [InlineData("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>", "<cbc:InvoiceTypeCode>999</cbc:InvoiceTypeCode>", "BR-CL-01", "InvoiceTypeCode")]
    [InlineData("<cbc:Percent>20</cbc:Percent>", "<cbc:Percent>0</cbc:Percent>", "BR-S-05", "ClassifiedTaxCategory")]
    public void Validate_BrokenRule_IsReportedWithItsIdAndElement(string find, string replace, string rule, string element)
    {
        var xml = Written();
        Assert.Contains(find, xml, StringComparison.Ordinal);

        var issues = Validate(xml.Replace(find, replace, StringComparison.Ordinal));

        var issue = Assert.Single(issues, i => i.RuleId == rule);
        Assert.Equal(ValidationSeverity.Error, issue.Severity);
        Assert.Contains(element, issue.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HostileXml_IsRefusedLikeTheReader()
    {
        var xml = Written().Replace("<Invoice ", "<!DOCTYPE Invoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Invoice ", StringComparison.Ordinal);

        var exception = Assert.Throws<InvoiceFormatException>(() => Validate(xml));

        Assert.Contains("XML-DTD", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NotUbl_IsRefused()
    {
        Assert.Contains("XML-ROOT", Assert.Throws<InvoiceFormatException>(() => Validate("<a/>")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyInvoice_ReportsEveryMissingMandatoryElement()
    {
        var issues = Validate("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>");

        foreach (var rule in new[] { "BR-01", "BR-02", "BR-03", "BR-04", "BR-05", "BR-06", "BR-07", "BR-08", "BR-10", "BR-12", "BR-13", "BR-14", "BR-15", "BR-16", "BR-CO-18" })
        {
            Assert.Contains(issues, i => i.RuleId == rule);
        }
    }
}
