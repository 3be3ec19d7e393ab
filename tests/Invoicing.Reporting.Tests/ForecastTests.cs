using Invoicing.Core;
using NodaTime;
using static Invoicing.Reporting.Tests.Ledger;

namespace Invoicing.Reporting.Tests;

public sealed class ForecastTests
{
    // Behaviour from PaymentBehaviourTests.History: Acme shifts 4 days (4.33), spread 5 (4.92, own: 3 invoices);
    // Globex shifts 30, spread 12 (one invoice: the portfolio's 11.90); unknown customers shift 11 (10.75), spread 12.
    private static InvoiceAccount[] Open() =>
    [
        Invoice("Acme", new LocalDate(2026, 12, 1), 100m),     // 3 days ahead: expected day 7 (week 1), early 2 (week 0), late 12 (week 1)
        Invoice("Globex", new LocalDate(2026, 11, 10), 200m),  // 18 days late: expected day 12 (week 1), early 0 (week 0), late 24 (week 3)
        Invoice("Initech", new LocalDate(2026, 12, 20), 400m), // 22 days ahead: expected day 33 (beyond 4 weeks), early 21 (week 3), late 45
        Invoice("Acme", new LocalDate(2026, 10, 1), 50m),      // 58 days late: every scenario before as-of, week 0
    ];

    [Fact]
    public void Forecast_ShiftsDueDatesByCustomerDelay()
    {
        var forecast = Receivables.Forecast([.. PaymentBehaviourTests.History(), .. Open()], AsOf, weeks: 4);

        var eur = Assert.Single(forecast.Currencies);
        Assert.Equal([50m, 300m, 0m, 0m], eur.Weeks.Select(w => w.Expected));
        Assert.Equal([50m, 350m, 350m, 350m], eur.Weeks.Select(w => w.CumulativeExpected));
        Assert.Equal(400m, eur.BeyondHorizon);
        Assert.Equal(750m, eur.OpenBalance);
        Assert.Equal(4, eur.InvoiceCount);
    }

    [Fact]
    public void Forecast_BandIsTheLeastAndMostOfThreeScenarios()
    {
        var forecast = Receivables.Forecast([.. PaymentBehaviourTests.History(), .. Open()], AsOf, weeks: 4);

        // early: 350, 0, 0, 400; expected: 50, 300, 0, 0; late: 50, 100, 0, 200
        var weeks = forecast.Currencies[0].Weeks;
        Assert.Equal([50m, 0m, 0m, 0m], weeks.Select(w => w.Low));
        Assert.Equal([350m, 300m, 0m, 400m], weeks.Select(w => w.High));
    }

    [Fact]
    public void Forecast_WeeksStartOnAsOfAndLastSevenDays()
    {
        var forecast = Receivables.Forecast(Open(), AsOf, weeks: 2);

        var weeks = forecast.Currencies[0].Weeks;
        Assert.Equal([(new LocalDate(2026, 11, 28), new LocalDate(2026, 12, 4)), (new LocalDate(2026, 12, 5), new LocalDate(2026, 12, 11))], weeks.Select(w => (w.Start, w.End)));
    }

    [Fact]
    public void Forecast_NoHistory_ExpectsEachInvoiceOnItsDueDate()
    {
        var forecast = Receivables.Forecast(Open(), AsOf, weeks: 4);

        // no shift, no band: due in 3 days (week 0), 18 days late (week 0), in 22 days (week 3), 58 days late (week 0)
        var weeks = forecast.Currencies[0].Weeks;
        Assert.Equal([350m, 0m, 0m, 400m], weeks.Select(w => w.Expected));
        Assert.Equal(weeks.Select(w => w.Expected), weeks.Select(w => w.Low));
        Assert.Equal(weeks.Select(w => w.Expected), weeks.Select(w => w.High));
    }

    [Fact]
    public void Forecast_SettledAndCreditNotes_AreNotForecast()
    {
        var forecast = Receivables.Forecast([.. PaymentBehaviourTests.History(), CreditNote("Acme", AsOf, 10m)], AsOf, weeks: 4);

        Assert.Empty(forecast.Currencies);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(521)]
    public void Forecast_WeeksOutOfRange_NamesWeeks(int weeks)
    {
        var error = Assert.Throws<InvoiceValidationException>(() => Receivables.Forecast(Open(), AsOf, weeks));

        Assert.Equal(("REP-FORECAST-WEEKS", "weeks"), (error.Issues[0].RuleId, error.Issues[0].Path));
    }

    [Fact]
    public async Task ForecastAsync_Stream_GivesTheSameWeeks()
    {
        var behaviour = Receivables.PaymentBehaviour(PaymentBehaviourTests.History(), AsOf);

        var forecast = await Receivables.ForecastAsync(Stream(Open()), AsOf, 4, behaviour);

        Assert.Equal([50m, 300m, 0m, 0m], forecast.Currencies[0].Weeks.Select(w => w.Expected));
    }
}
