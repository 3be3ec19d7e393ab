using Invoicing.Core;
using NodaTime;

namespace Invoicing.Dunning.Tests.LatePayment;

/// <summary>
/// The French table against the published figures (ECB main refinancing rate on 1 January / 1 July; legal rate for
/// professional creditors per semester), on the last day of each semester and the first of the next.
/// </summary>
public sealed class LatePaymentRateTableTests
{
    private static readonly LatePaymentRateTable France = LatePaymentRateTable.France;

    // date, ECB MRO %, legal rate % (null: none recorded), annual penalty rate = max(ECB + 10, 3 x legal)
    public static TheoryData<string, decimal, decimal?, decimal> SemesterBoundaries() => new()
    {
        { "2022-12-31", 0.00m, null, 10.00m },
        { "2023-01-01", 2.50m, 2.06m, 12.50m },
        { "2023-06-30", 2.50m, 2.06m, 12.50m },
        { "2023-07-01", 4.00m, 4.22m, 14.00m },
        { "2023-12-31", 4.00m, 4.22m, 14.00m },
        { "2024-01-01", 4.50m, 5.07m, 15.21m },
        { "2024-06-30", 4.50m, 5.07m, 15.21m },
        { "2024-07-01", 4.25m, 4.92m, 14.76m },
        { "2024-12-31", 4.25m, 4.92m, 14.76m },
        { "2025-01-01", 3.15m, 3.71m, 13.15m },
        { "2025-06-30", 3.15m, 3.71m, 13.15m },
        { "2025-07-01", 2.15m, 2.76m, 12.15m },
        { "2025-12-31", 2.15m, 2.76m, 12.15m },
        { "2026-01-01", 2.15m, 2.62m, 12.15m },
        { "2026-06-30", 2.15m, 2.62m, 12.15m },
        { "2026-07-01", 2.15m, 2.62m, 12.15m },
    };

    [Theory]
    [MemberData(nameof(SemesterBoundaries))]
    public void RateOn_SemesterBoundary_PublishedRatesAndPenaltyRate(string date, decimal ecb, decimal? legal, decimal annual)
    {
        var rate = France.RateOn(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value);

        Assert.Equal(ecb, rate.EcbRatePercent);
        Assert.Equal(legal, rate.LegalRatePercent);
        Assert.Equal(annual, rate.AnnualPercent);
        Assert.True(rate.AnnualPercent >= 3m * (rate.LegalRatePercent ?? 0m), "never below three times the legal rate");
    }

    [Fact]
    public void RateOn_FirstDayOfEachRow_StartsASemester()
    {
        Assert.All(France.Rates, r => Assert.Same(r, France.RateOn(r.From)));
        Assert.All(France.Rates.Skip(1), r => Assert.NotSame(r, France.RateOn(r.From.PlusDays(-1))));
    }

    [Fact]
    public void RateOn_BeforeTheTable_ThrowsNamedRule()
    {
        var error = Assert.Throws<InvoiceValidationException>(() => France.RateOn(new LocalDate(2016, 6, 30)));

        Assert.Equal("DUN-RATE-MISSING", error.Issues[0].RuleId);
        Assert.Equal("rates", error.Issues[0].Path);
    }

    [Fact]
    public void Compute_AcrossJuly2024_FloorRateThenEcbPlusTen()
    {
        var costs = LatePaymentCalculator.Compute(1000m, Currency.Eur, new LocalDate(2024, 6, 25), new LocalDate(2024, 7, 5), France);

        // 5 days at 15.21 % (3 x 5.07) + 5 days at 14.76 % (3 x 4.92): 1000 x (76.05 + 73.80) / 100 / 365 = 4.10548 -> 4.11
        Assert.Equal(10, costs.DaysLate);
        Assert.Equal(4.11m, costs.Interest);
        Assert.Equal(14.76m, costs.AnnualRatePercent);
    }

    [Fact]
    public void Compute_AcrossNewYear2024_EcbPlusTenThenFloorRate()
    {
        var costs = LatePaymentCalculator.Compute(1000m, Currency.Eur, new LocalDate(2023, 12, 21), new LocalDate(2024, 1, 10), France);

        // 10 days at 14.00 % (4.00 + 10) + 10 days at 15.21 % (3 x 5.07): 1000 x 292.1 / 100 / 365 = 8.00274 -> 8.00
        Assert.Equal(20, costs.DaysLate);
        Assert.Equal(8.00m, costs.Interest);
        Assert.Equal(15.21m, costs.AnnualRatePercent);
    }
}
