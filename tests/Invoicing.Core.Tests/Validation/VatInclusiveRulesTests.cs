namespace Invoicing.Core.Tests.Validation;

/// <summary>What the validator says about invoices priced with VAT included.</summary>
public sealed class VatInclusiveRulesTests
{
    private static Invoice B2c() => InvoiceJson.Deserialize(File.ReadAllText(TestPaths.Sample("fr-b2c-vat-inclusive.json"))) with { Number = "F2026-00007" };

    private static InvoiceLine[] WithLine(Invoice invoice, int index, Func<InvoiceLine, InvoiceLine> change) =>
        [.. invoice.Lines.Select((l, i) => i == index ? change(l) : l)];

    [Fact]
    public void Validate_B2cSample_HasNoIssue()
    {
        Assert.Empty(InvoiceValidator.Validate(B2c()).Issues);
    }

    [Fact]
    public void Validate_NegativeVatInclusivePrice_ReportsBr27OnThatField()
    {
        var invoice = B2c();
        invoice = invoice with { Lines = WithLine(invoice, 2, l => l with { VatInclusivePrice = -0.99m }) };

        var issue = Assert.Single(InvoiceValidator.Validate(invoice).Errors);

        Assert.Equal("BR-27", issue.RuleId);
        Assert.Equal("lines[2].vatInclusivePrice", issue.Path);
    }

    [Fact]
    public void Validate_LinePricedWithoutVatAmongThem_ReportsTheMixedPricing()
    {
        var invoice = B2c();
        invoice = invoice with { Lines = WithLine(invoice, 1, l => l with { VatInclusivePrice = null, NetPrice = 7.49m }) };

        var issue = Assert.Single(InvoiceValidator.Validate(invoice).Errors);

        Assert.Equal("INV-VATINCL-MIXED", issue.RuleId);
        Assert.Equal("lines[1].vatInclusivePrice", issue.Path);
    }

    [Fact]
    public void Validate_AbsurdRateOnAVatInclusiveLine_ReportsItOnce()
    {
        var invoice = B2c();
        invoice = invoice with { Lines = WithLine(invoice, 0, l => l with { VatRate = -100m }) };

        var issues = InvoiceValidator.Validate(invoice).Errors.Where(i => i.RuleId == "INV-VAT-RATE").ToList();

        Assert.Equal("lines[0].vatRate", Assert.Single(issues).Path);
    }

    [Fact]
    public void Validate_OverflowingQuantity_ReportsTheOverflowNamingTheLine()
    {
        var invoice = B2c();
        invoice = invoice with { Lines = WithLine(invoice, 1, l => l with { Quantity = decimal.MaxValue }) };

        var issue = Assert.Single(InvoiceValidator.Validate(invoice).Errors, i => i.RuleId == "INV-OVERFLOW");

        Assert.Equal("lines[1]", issue.Path);
    }
}
