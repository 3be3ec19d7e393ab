using System.Text.RegularExpressions;
using Invoicing.Core;
using Invoicing.Pdf.Layout;
using Invoicing.Reporting;
using NodaTime;

namespace Invoicing.Pdf.Tests;

public sealed class StatementPdfTests
{
    [Fact]
    public async Task ToBytes_French_PrintsTheOpenItemsRunningBalanceTotalsAndAging()
    {
        var statement = await TestStatements.SmallAsync();

        var pdf = StatementPdf.ToBytes(statement);

        var text = PdfAssert.AllText(pdf);
        var f = Formats.French;
        Assert.Contains("RELEVÉ DE COMPTE", text, StringComparison.Ordinal);
        Assert.Contains("Arrêté au : 28/11/2026", text, StringComparison.Ordinal);
        Assert.Contains("Boulangerie Dupont & Fils", text, StringComparison.Ordinal);
        Assert.Contains("Compte client 987654324", text, StringComparison.Ordinal);
        Assert.DoesNotContain("F2026-00001", text, StringComparison.Ordinal);
        foreach (var number in new[] { "F2026-00002", "F2026-00003", "F2026-00004", "AV2026-00001" })
        {
            Assert.Contains(number, text, StringComparison.Ordinal);
        }

        foreach (var running in new[] { 110m, 230m, 200m, 330m, 280m })
        {
            Assert.Contains(f.Amount(running, Currency.Eur), text, StringComparison.Ordinal);
        }

        Assert.Contains("Facture", text, StringComparison.Ordinal);
        Assert.Contains("Avoir · F2026-00002", text, StringComparison.Ordinal);
        Assert.Contains("Règlement", text, StringComparison.Ordinal);
        Assert.Contains("Total débit " + f.Amount(360m, Currency.Eur), text, StringComparison.Ordinal);
        Assert.Contains("Total crédit " + f.Amount(80m, Currency.Eur), text, StringComparison.Ordinal);
        Assert.Contains("Solde dû " + f.Money(280m, Currency.Eur), text, StringComparison.Ordinal);
        Assert.Contains("ANCIENNETÉ DU SOLDE", text, StringComparison.Ordinal);
        Assert.Contains("Non échu " + f.Amount(0m, Currency.Eur), text, StringComparison.Ordinal);
        Assert.Contains("1-30 jours " + f.Amount(130m, Currency.Eur), text, StringComparison.Ordinal);
        Assert.Contains("31-60 jours " + f.Amount(70m, Currency.Eur), text, StringComparison.Ordinal);
        Assert.Contains("61-90 jours " + f.Amount(80m, Currency.Eur), text, StringComparison.Ordinal);
        Assert.Contains("Plus de 90 jours", text, StringComparison.Ordinal);
        Assert.Single(PdfAssert.PageTexts(pdf));
        PdfAssert.QpdfCheckPasses(pdf);
    }

    [Fact]
    public async Task ToBytes_EnglishBalanceForward_PrintsTheOpeningBalanceAndThePeriod()
    {
        var statement = await TestStatements.SmallAsync(from: new LocalDate(2026, 9, 1));

        var pdf = StatementPdf.ToBytes(statement, new PdfRenderOptions { Language = PdfLanguage.English });

        var text = PdfAssert.AllText(pdf);
        // The title wraps in the header's column: "STATEMENT OF" above "ACCOUNT".
        Assert.Contains("STATEMENT OF", text, StringComparison.Ordinal);
        Assert.Contains("As of : 28 Nov 2026", text, StringComparison.Ordinal);
        Assert.Contains("Period : 1 Sep 2026 – 28 Nov 2026", text, StringComparison.Ordinal);
        Assert.Contains("Movements from 1 Sep 2026 to 28 Nov 2026", text, StringComparison.Ordinal);
        // Before 1 Sep: 100.00 + 110.00 invoiced, 100.00 paid.
        Assert.Contains("Opening balance 110.00", text, StringComparison.Ordinal);
        Assert.Contains("Payment", text, StringComparison.Ordinal);
        Assert.Contains("Credit note · F2026-00002", text, StringComparison.Ordinal);
        Assert.Contains("Total debit 250.00", text, StringComparison.Ordinal);
        Assert.Contains("Total credit 80.00", text, StringComparison.Ordinal);
        Assert.Contains("Balance due €280.00", text, StringComparison.Ordinal);
        Assert.Contains("Not due 0.00", text, StringComparison.Ordinal);
        Assert.Contains("Over 90 days 0.00", text, StringComparison.Ordinal);
        PdfAssert.QpdfCheckPasses(pdf);
    }

    [Fact]
    public async Task ToBytes_TwoCurrencies_OneSectionEach()
    {
        var statement = await TestStatements.SmallAsync(dollarInvoice: true);

        var text = PdfAssert.AllText(StatementPdf.ToBytes(statement, new PdfRenderOptions { Language = PdfLanguage.English }));

        Assert.Contains("CURRENCY EUR", text, StringComparison.Ordinal);
        Assert.Contains("CURRENCY USD", text, StringComparison.Ordinal);
        Assert.Contains("Balance due €280.00", text, StringComparison.Ordinal);
        Assert.Contains("Balance due 99.99 USD", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToBytes_CreditBalance_IsCalledInTheCustomersFavour()
    {
        var small = await TestStatements.SmallAsync();
        var section = small.Sections[0] with { ClosingBalance = -40m, Aging = [-40m, 0m, 0m, 0m, 0m] };

        var text = PdfAssert.AllText(StatementPdf.ToBytes(small with { Sections = [section] }));

        Assert.Contains("Solde en votre faveur " + Formats.French.Money(-40m, Currency.Eur), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToBytes_LongStatement_RunsOverPagesAndBringsTheRunningBalanceForward()
    {
        var statement = await TestStatements.LongAsync(120);
        var lines = statement.Sections[0].Lines;

        var pdf = StatementPdf.ToBytes(statement, new PdfRenderOptions { Language = PdfLanguage.English });

        var pages = PdfAssert.PageTexts(pdf);
        Assert.True(pages.Count >= 4, $"{pages.Count} pages");
        Assert.DoesNotContain("Brought forward", pages[0], StringComparison.Ordinal);
        for (var p = 1; p < pages.Count; p++)
        {
            // The first line on the page is the one with the lowest index among the numbers it shows.
            var first = Regex.Matches(pages[p], @"F2026-\d{5}").Select(m => m.Value).Distinct().Min(n => IndexOf(lines, n));
            Assert.Contains($"Brought forward {Formats.English.Amount(lines[first - 1].RunningBalance, Currency.Eur)}", pages[p], StringComparison.Ordinal);
            Assert.Contains("STATEMENT OF ACCOUNT 28 Nov 2026", pages[p], StringComparison.Ordinal);
            Assert.Contains($"Page {p + 1} / {pages.Count}", pages[p], StringComparison.Ordinal);
        }

        Assert.True(lines.Select(l => l.DocumentNumber).All(n => pages.Count(p => p.Contains(n, StringComparison.Ordinal)) == 1));
        Assert.Contains("Balance due " + Formats.English.Money(lines[^1].RunningBalance, Currency.Eur), pages[^1], StringComparison.Ordinal);
        Assert.Equal(127_140m, lines[^1].RunningBalance);
        PdfAssert.QpdfCheckPasses(pdf);
    }

    [Fact]
    public async Task ToBytes_SameStatement_SameBytes()
    {
        var statement = await TestStatements.SmallAsync();

        Assert.Equal(StatementPdf.ToBytes(statement), StatementPdf.ToBytes(await TestStatements.SmallAsync()));
        Assert.NotEqual(StatementPdf.ToBytes(statement), StatementPdf.ToBytes(statement, new PdfRenderOptions { Language = PdfLanguage.English }));
    }

    [Fact]
    public async Task Render_MissingNamesAndABrokenSection_ThrowsValidationNamingEachField()
    {
        var small = await TestStatements.SmallAsync();
        var broken = small with
        {
            Customer = new Party { Name = " " },
            Seller = new Party { Name = string.Empty },
            Sections = [small.Sections[0] with { Aging = [1m] }],
        };

        var exception = Assert.Throws<InvoiceValidationException>(() => StatementPdf.ToBytes(broken));

        Assert.Equal(
            [("PDF-REQUIRED", "Customer.Name"), ("PDF-REQUIRED", "Seller.Name"), ("PDF-STATEMENT-SECTION", "Sections[0]")],
            exception.Issues.Select(i => (i.RuleId, i.Path)).Order());
    }

    [Fact]
    public async Task Render_NullSectionsBucketsAndLine_ThrowsValidationInsteadOfAFault()
    {
        var small = await TestStatements.SmallAsync();

        var noLists = Assert.Throws<InvoiceValidationException>(() => StatementPdf.ToBytes(small with { Sections = null!, Buckets = null! }));
        var nullLine = Assert.Throws<InvoiceValidationException>(() => StatementPdf.ToBytes(small with { Sections = [small.Sections[0] with { Lines = [null!] }] }));

        Assert.Equal([("PDF-REQUIRED", "Buckets"), ("PDF-REQUIRED", "Sections")], noLists.Issues.Select(i => (i.RuleId, i.Path)).Order());
        Assert.Equal(("PDF-STATEMENT-SECTION", "Sections[0]"), (nullLine.Issues.Single().RuleId, nullLine.Issues.Single().Path));
    }

    [Fact]
    public async Task ToBytes_SectionWithoutLines_SaysThereIsNoMovement()
    {
        var small = await TestStatements.SmallAsync();
        var settled = small.Sections[0] with { Lines = [], TotalDebit = 0m, TotalCredit = 0m, ClosingBalance = 0m, Aging = [0m, 0m, 0m, 0m, 0m] };

        var text = PdfAssert.AllText(StatementPdf.ToBytes(small with { Sections = [settled] }, new PdfRenderOptions { Language = PdfLanguage.English }));

        Assert.Contains("No movement 0.00", text, StringComparison.Ordinal);
        Assert.Contains("Balance due €0.00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ReadOnlyStream_Throws()
    {
        var statement = await TestStatements.SmallAsync();
        using var readOnly = new MemoryStream([], writable: false);

        Assert.Throws<ArgumentException>(() => StatementPdf.Render(statement, readOnly));
    }

    private static int IndexOf(IReadOnlyList<StatementLine> lines, string number)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].DocumentNumber == number)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{number} is not a line of the statement.");
    }
}
