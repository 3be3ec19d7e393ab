using Invoicing.Core;

namespace Invoicing.Core.Tests.Json;

public sealed class InvoiceJsonTests
{
    [Fact]
    public void Deserialize_FrenchSample_RoundTripsToAnEqualModel()
    {
        var json = File.ReadAllText(TestPaths.Sample("fr-domestic.json"));
        var invoice = InvoiceJson.Deserialize(json);
        var again = InvoiceJson.Deserialize(InvoiceJson.Serialize(invoice));
        Assert.Equal(invoice, again);
        Assert.Equal(3, invoice.Lines.Count);
        Assert.Equal(VatCategory.S, invoice.Lines[0].VatCategory);
        Assert.Equal(Currency.Eur, invoice.Currency);
    }

    [Fact]
    public void Calculate_FrenchSample_GivesHandComputedTotals()
    {
        var invoice = InvoiceJson.Deserialize(File.ReadAllText(TestPaths.Sample("fr-domestic.json")));
        var totals = InvoiceCalculator.Calculate(invoice);
        // 4 x 189.90 = 759.60; 3.5 x 55 - 12.50 = 180.00; 2 x 14.20 = 28.40
        Assert.Equal([759.60m, 180.00m, 28.40m], totals.LineNetAmounts);
        Assert.Equal(968.00m, totals.LineNetTotal);
        Assert.Equal(25m, totals.ChargeTotal);
        Assert.Null(totals.AllowanceTotal);
        Assert.Equal(993.00m, totals.TaxExclusiveAmount);
        // S 20 %: 759.60 + 180.00 + 25 = 964.60 -> 192.92; S 5.5 %: 28.40 -> 1.562 -> 1.56
        Assert.Equal(2, totals.VatBreakdown.Count);
        Assert.Equal(new VatBreakdown(VatCategory.S, 5.5m, 28.40m, 1.56m), totals.VatBreakdown[0]);
        Assert.Equal(new VatBreakdown(VatCategory.S, 20m, 964.60m, 192.92m), totals.VatBreakdown[1]);
        Assert.Equal(194.48m, totals.VatTotal);
        Assert.Equal(1187.48m, totals.TaxInclusiveAmount);
        Assert.Equal(1187.48m, totals.AmountDue);
    }

    [Theory]
    [InlineData("not json", null)]
    [InlineData("{\"issueDate\": \"2026-13-45\"}", "issueDate")]
    [InlineData("{\"currency\": \"XXX\"}", "currency")]
    [InlineData("{\"unknownField\": 1}", "unknownField")]
    public void Deserialize_BadInput_ThrowsFormatExceptionNamingThePath(string json, string? path)
    {
        var exception = Assert.Throws<InvoiceFormatException>(() => InvoiceJson.Deserialize(json));
        Assert.Equal(path, exception.Path);
    }

    [Fact]
    public void Deserialize_IntegerVatCategory_IsRefused()
    {
        var json = File.ReadAllText(TestPaths.Sample("fr-domestic.json")).Replace("\"vatCategory\": \"S\", \"vatRate\": 5.5", "\"vatCategory\": 42, \"vatRate\": 5.5", StringComparison.Ordinal);
        var exception = Assert.Throws<InvoiceFormatException>(() => InvoiceJson.Deserialize(json));
        Assert.Contains("vatCategory", exception.Path, StringComparison.Ordinal);
    }
}
