using Invoicing.Core;
using NodaTime;
using static Invoicing.Reporting.Tests.Ledger;

namespace Invoicing.Reporting.Tests;

public sealed class DsoTests
{
    // As of 2026-11-28 over 90 days: the period runs from 2026-08-31 to 2026-11-28 (opening day 2026-08-30).
    private static InvoiceAccount[] Sample() =>
    [
        Invoice("Acme", new LocalDate(2026, 9, 14), 1_000m, issued: new LocalDate(2026, 8, 15), payments: [(new LocalDate(2026, 9, 20), 400m)]),
        Invoice("Globex", new LocalDate(2026, 10, 10), 3_000m, issued: new LocalDate(2026, 9, 10)),
        Invoice("Acme", new LocalDate(2026, 11, 4), 2_000m, issued: new LocalDate(2026, 10, 5), payments: [(new LocalDate(2026, 11, 1), 2_000m)]),
        Invoice("Initech", new LocalDate(2026, 12, 20), 1_500m, issued: new LocalDate(2026, 11, 20)),
        CreditNote("Globex", new LocalDate(2026, 11, 10), 500m),
    ];

    [Fact]
    public void Dso_Sample_StandardIsReceivablesOverSalesTimesDays()
    {
        var figures = Receivables.Dso(Sample(), AsOf).For("EUR")!;

        // receivables 600 + 3000 + 1500 = 5100; sales 3000 + 2000 + 1500 - 500 = 6000; 5100 / 6000 x 90 = 76.5
        Assert.Equal(5_100m, figures.Receivables);
        Assert.Equal(6_000m, figures.CreditSales);
        Assert.Equal(76.5m, figures.StandardDays);
    }

    [Fact]
    public void Dso_Sample_CountbackWalksBackMonthByMonth()
    {
        var figures = Receivables.Dso(Sample(), AsOf).For("EUR")!;

        // November (28 days so far): 1000 of sales, 4100 left; October (31): 2000, 2100 left;
        // September (30): 3000 covers it, 2100 / 3000 x 30 = 21 days. 28 + 31 + 21 = 80
        Assert.Equal(80m, figures.CountbackDays);
        Assert.False(figures.CountbackIsLowerBound);
    }

    [Fact]
    public void Dso_Sample_CollectionEffectivenessIndex()
    {
        var figures = Receivables.Dso(Sample(), AsOf).For("EUR")!;

        // opening 1000 (Acme's August invoice, paid after the opening day); current 1500 (Initech, not due)
        // (1000 + 6000 - 5100) / (1000 + 6000 - 1500) x 100 = 1900 / 5500 x 100 = 34.545
        Assert.Equal(1_000m, figures.OpeningReceivables);
        Assert.Equal(1_500m, figures.CurrentReceivables);
        Assert.Equal(34.55m, figures.CollectionEffectivenessIndex);
    }

    [Fact]
    public void Dso_ShorterPeriod_ChangesStandardNotCountback()
    {
        var figures = Receivables.Dso(Sample(), AsOf, periodDays: 30).For("EUR")!;

        // sales issued after 2026-10-29: 1500 - 500 = 1000; 5100 / 1000 x 30 = 153
        Assert.Equal(1_000m, figures.CreditSales);
        Assert.Equal(153m, figures.StandardDays);
        Assert.Equal(80m, figures.CountbackDays);
    }

    [Fact]
    public void Dso_ReceivablesOlderThanThreeYears_CountbackIsALowerBound()
    {
        var old = Invoice("Acme", new LocalDate(2022, 12, 1), 100m, issued: new LocalDate(2022, 11, 1));

        var figures = Receivables.Dso([old], AsOf).For("EUR")!;

        // 28 days of November 2026 plus the 35 full months from December 2023 to October 2026 (1066 days)
        Assert.Null(figures.StandardDays);
        Assert.True(figures.CountbackIsLowerBound);
        Assert.Equal(28m + Period.DaysBetween(new LocalDate(2023, 12, 1), new LocalDate(2026, 11, 1)), figures.CountbackDays);
        Assert.Equal(0m, figures.CollectionEffectivenessIndex);
    }

    [Fact]
    public void Dso_NothingOwed_CountbackIsZero()
    {
        var paid = Invoice("Acme", new LocalDate(2026, 11, 1), 100m, issued: new LocalDate(2026, 10, 1), payments: [(new LocalDate(2026, 11, 1), 100m)]);

        var figures = Receivables.Dso([paid], AsOf).For("EUR")!;

        Assert.Equal((0m, 0m, false), (figures.Receivables, figures.CountbackDays, figures.CountbackIsLowerBound));
        Assert.Equal(0m, figures.StandardDays);
        Assert.Equal(100m, figures.CollectionEffectivenessIndex);
    }

    [Fact]
    public void Dso_Currencies_AreReportedApart()
    {
        var report = Receivables.Dso([.. Sample(), Invoice("Umbrella", new LocalDate(2026, 12, 1), 900m, Currency.Usd, new LocalDate(2026, 11, 1))], AsOf);

        Assert.Equal(["EUR", "USD"], report.Currencies.Select(c => c.Currency.Code));
        Assert.Equal(900m, report.For("USD")!.Receivables);
        Assert.Equal(5_100m, report.For("EUR")!.Receivables);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    [InlineData(3_661)]
    public void Dso_PeriodOutOfRange_NamesPeriodDays(int days)
    {
        var error = Assert.Throws<InvoiceValidationException>(() => Receivables.Dso(Sample(), AsOf, days));

        Assert.Equal(("REP-DSO-PERIOD", "periodDays"), (error.Issues[0].RuleId, error.Issues[0].Path));
    }

    [Fact]
    public async Task DsoAsync_Stream_GivesTheSameFigures()
    {
        var report = await Receivables.DsoAsync(Stream(Sample()), AsOf);

        Assert.Equal(Receivables.Dso(Sample(), AsOf).Currencies, report.Currencies);
    }
}
