using Xunit;

namespace Invoicing.Core.Tests.Validation;

/// <summary>The full French example of docs/invoice-json.md reads, validates and totals as the document says.</summary>
public sealed class DocumentedExampleTests
{
    private static Invoice ReadExample()
    {
        var markdown = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "invoice-json.md"));
        var start = markdown.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var end = markdown.IndexOf("```", start, StringComparison.Ordinal);
        return InvoiceJson.Deserialize(markdown[start..end]);
    }

    [Fact]
    public void FrenchExample_Validate_HasNoIssue()
    {
        Assert.Empty(InvoiceValidator.Validate(ReadExample()).Issues);
    }

    [Fact]
    public void FrenchExample_Calculate_GivesTheDocumentedTotals()
    {
        var totals = InvoiceCalculator.Calculate(ReadExample());

        Assert.Equal(968.00m, totals.LineNetTotal);
        Assert.Equal(25m, totals.ChargeTotal);
        Assert.Equal(993.00m, totals.TaxExclusiveAmount);
        Assert.Equal(194.48m, totals.VatTotal);
        Assert.Equal(1187.48m, totals.AmountDue);
        Assert.Equal(192.92m, totals.VatBreakdown.Single(r => r.Rate == 20m).TaxAmount);
        Assert.Equal(1.56m, totals.VatBreakdown.Single(r => r.Rate == 5.5m).TaxAmount);
    }
}
