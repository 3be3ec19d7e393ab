using NodaTime;

namespace Invoicing.Core.Tests.Lifecycle;

public sealed class CreditNotesTests
{
    private static readonly LocalDate CreditDate = new(2026, 11, 20);

    [Fact]
    public void Full_Invoice_ReferencesTheOriginalAndCreditsItsWholeAmount()
    {
        var original = LifecycleFixtures.Issued();

        var credit = CreditNotes.Full(original, CreditDate, "Commande annulée");

        Assert.Equal(DocumentType.CreditNote, credit.Type);
        Assert.Null(credit.Number);
        Assert.Equal(CreditDate, credit.IssueDate);
        Assert.Equal([new PrecedingInvoiceReference("F2026-00001", new LocalDate(2026, 11, 2))], credit.PrecedingInvoices);
        Assert.Equal("Commande annulée", credit.Notes[0].Text);
        Assert.NotNull(credit.PaymentTerms);
        Assert.Equal(original.Totals.AmountDue, InvoiceCalculator.Calculate(credit).AmountDue);
        Assert.Equal(original.Totals.VatBreakdown, InvoiceCalculator.Calculate(credit).VatBreakdown);
    }

    [Fact]
    public void Partial_OneLineHalfQuantity_CreditsThatPartOnly()
    {
        var original = LifecycleFixtures.Issued();

        var credit = CreditNotes.Partial(original, CreditDate, [new CreditedLine("1", 2m)]);

        var line = Assert.Single(credit.Lines);
        Assert.Equal(2m, line.Quantity);
        Assert.Empty(credit.AllowancesCharges);
        // 2 x 189.90 = 379.80, VAT 20 % = 75.96
        Assert.Equal(455.76m, InvoiceCalculator.Calculate(credit).AmountDue);
    }

    [Fact]
    public void Partial_PartOfALineWithAllowance_DropsTheAllowanceKeptOnlyForWholeLines()
    {
        var original = LifecycleFixtures.Issued();

        var whole = CreditNotes.Partial(original, CreditDate, [new CreditedLine("2", 3.5m)]);
        var part = CreditNotes.Partial(original, CreditDate, [new CreditedLine("2", 1m)]);

        Assert.Single(whole.Lines[0].AllowancesCharges);
        Assert.Empty(part.Lines[0].AllowancesCharges);
    }

    [Theory]
    [InlineData("9", 1, "INV-CREDIT-LINE-UNKNOWN", "lines[0].lineId")]
    [InlineData("1", 0, "INV-CREDIT-QUANTITY", "lines[0].quantity")]
    [InlineData("1", -1, "INV-CREDIT-QUANTITY", "lines[0].quantity")]
    [InlineData("1", 5, "INV-CREDIT-QUANTITY", "lines[0].quantity")]
    public void Partial_BadLine_ThrowsNamingRuleAndField(string lineId, decimal quantity, string rule, string path)
    {
        var exception = Assert.Throws<InvoiceValidationException>(() =>
            CreditNotes.Partial(LifecycleFixtures.Issued(), CreditDate, [new CreditedLine(lineId, quantity)]));

        var issue = Assert.Single(exception.Issues);
        Assert.Equal(rule, issue.RuleId);
        Assert.Equal(path, issue.Path);
    }

    [Fact]
    public void Partial_SameLineTwiceOrNoLine_IsRefused()
    {
        var original = LifecycleFixtures.Issued();

        var twice = Assert.Throws<InvoiceValidationException>(() => CreditNotes.Partial(original, CreditDate, [new CreditedLine("1", 1m), new CreditedLine("1", 1m)]));
        var none = Assert.Throws<InvoiceValidationException>(() => CreditNotes.Partial(original, CreditDate, []));

        Assert.Equal("INV-CREDIT-LINE-REPEATED", Assert.Single(twice.Issues).RuleId);
        Assert.Equal("BR-16", Assert.Single(none.Issues).RuleId);
    }

    [Fact]
    public void Full_OfACreditNote_IsRefused()
    {
        var creditNote = LifecycleFixtures.Issued(LifecycleFixtures.Draft() with { Type = DocumentType.CreditNote }, "AV2026-00001");

        var exception = Assert.Throws<InvoiceValidationException>(() => CreditNotes.Full(creditNote, CreditDate));

        Assert.Equal("INV-CREDIT-OF-CREDIT", Assert.Single(exception.Issues).RuleId);
    }
}
