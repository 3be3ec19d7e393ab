using Invoicing.Core;
using Invoicing.Pdf.Layout;
using NodaTime;

namespace Invoicing.Pdf.Tests;

public sealed class ReminderPdfTests
{
    [Fact]
    public void ToBytes_Letter_PrintsItemsDaysLateFeesInterestAndTotal()
    {
        var letter = TestLetters.Sample();
        var pdf = ReminderPdf.ToBytes(letter);
        var text = PdfAssert.AllText(pdf);
        var f = Formats.French;

        Assert.Contains("RELANCE", text, StringComparison.Ordinal);
        Assert.Contains("F2026-00042", text, StringComparison.Ordinal);
        Assert.Contains("F2026-00051", text, StringComparison.Ordinal);
        Assert.Contains(" 44 ", text, StringComparison.Ordinal);
        Assert.Contains(f.Amount(1187.48m, Currency.Eur), text, StringComparison.Ordinal);
        Assert.Contains(f.Amount(80m, Currency.Eur), text, StringComparison.Ordinal);
        Assert.Contains(f.Amount(12.37m, Currency.Eur), text, StringComparison.Ordinal);
        Assert.Contains(f.Money(letter.Total, Currency.Eur), text, StringComparison.Ordinal);
        Assert.Equal(1599.85m, letter.Total);
        Assert.Contains(letter.Buyer.Name, text, StringComparison.Ordinal);
        Assert.Contains("restent impayées", text, StringComparison.Ordinal);
        PdfAssert.QpdfCheckPasses(pdf);
    }

    [Fact]
    public void Render_NoItems_ThrowsValidationNamingItems()
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => ReminderPdf.ToBytes(TestLetters.Sample() with { Items = [] }));
        Assert.Equal(("PDF-REMINDER-ITEMS", "Items"), (exception.Issues.Single().RuleId, exception.Issues.Single().Path));
    }

    [Fact]
    public void Render_NegativeAndUnroundedAmounts_ThrowsValidationNamingEachField()
    {
        var letter = TestLetters.Sample() with { Fees = -1m, Interest = 0.001m, Items = [new ReminderItem("F1", new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 1), -5m, 3)] };
        var exception = Assert.Throws<InvoiceValidationException>(() => ReminderPdf.ToBytes(letter));
        Assert.Equal(["Fees", "Interest", "Items[0].AmountDue"], exception.Issues.Select(i => i.Path).Order(StringComparer.Ordinal));
        Assert.All(exception.Issues, i => Assert.Equal("PDF-REMINDER-AMOUNT", i.RuleId));
    }
}
