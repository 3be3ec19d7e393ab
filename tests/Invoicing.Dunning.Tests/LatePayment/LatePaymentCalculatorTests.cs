using FsCheck;
using FsCheck.Fluent;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Dunning.Tests.LatePayment;

public sealed class LatePaymentCalculatorTests
{
    private static readonly LatePaymentRateTable France = LatePaymentRateTable.France;

    [Fact]
    public void Compute_ThirtyDaysIn2026_IsEcbPlusTenProRataAndFortyEuros()
    {
        var costs = LatePaymentCalculator.Compute(1200m, Currency.Eur, new LocalDate(2026, 1, 31), new LocalDate(2026, 3, 2), France);

        // 1200 x 12.15 % x 30 / 365 = 11.98356... -> 11.98
        Assert.Equal(30, costs.DaysLate);
        Assert.Equal(12.15m, costs.AnnualRatePercent);
        Assert.Equal(11.98m, costs.Interest);
        Assert.Equal(40m, costs.RecoveryIndemnity);
        Assert.Equal(51.98m, costs.Total);
    }

    [Fact]
    public void Compute_AcrossTwoSemesters_EachAtItsOwnRateRoundedOnce()
    {
        var costs = LatePaymentCalculator.Compute(1000m, Currency.Eur, new LocalDate(2025, 6, 20), new LocalDate(2025, 7, 10), France);

        // 10 days at 13.15 % (2025 S1) + 10 days at 12.15 % (2025 S2): 3.60274 + 3.32877 = 6.93151 -> 6.93
        Assert.Equal(6.93m, costs.Interest);
        Assert.Equal(12.15m, costs.AnnualRatePercent);
    }

    [Fact]
    public void RateOn_WhenThreeTimesLegalRateIsHigher_UsesTheFloor()
    {
        var rate = France.RateOn(new LocalDate(2024, 3, 1));

        Assert.Equal(15.21m, rate.AnnualPercent);
    }

    [Fact]
    public void Compute_NotLateOrOnTheDueDate_IsNothing()
    {
        var due = new LocalDate(2026, 6, 30);
        Assert.Equal(0m, LatePaymentCalculator.Compute(500m, Currency.Eur, due, due, France).Total);
        Assert.Equal(0m, LatePaymentCalculator.Compute(500m, Currency.Eur, due, due.PlusDays(-10), France).Total);
    }

    [Fact]
    public void Compute_OtherCurrency_HasNoEuroIndemnity()
    {
        var costs = LatePaymentCalculator.Compute(1000m, Currency.Jpy, new LocalDate(2026, 1, 31), new LocalDate(2026, 3, 2), France);

        Assert.Equal(0m, costs.RecoveryIndemnity);
        Assert.Equal(10m, costs.Interest); // 1000 x 12.15 % x 30 / 365 = 9.986 -> 10 (no minor unit)
    }

    [Fact]
    public void Compute_HostileInputs_ThrowNamedRules()
    {
        var due = new LocalDate(2026, 1, 31);
        Assert.Equal("DUN-LATE-AMOUNT", Assert.Throws<InvoiceValidationException>(() => LatePaymentCalculator.Compute(-1m, Currency.Eur, due, due.PlusDays(3), France)).Issues[0].RuleId);
        Assert.Equal("DUN-LATE-AMOUNT", Assert.Throws<InvoiceValidationException>(() => LatePaymentCalculator.Compute(decimal.MaxValue, Currency.Eur, due, due.PlusDays(3), France)).Issues[0].RuleId);
        Assert.Equal("DUN-LATE-CURRENCY", Assert.Throws<InvoiceValidationException>(() => LatePaymentCalculator.Compute(1m, default, due, due.PlusDays(3), France)).Issues[0].RuleId);
        Assert.Equal("DUN-RATE-MISSING", Assert.Throws<InvoiceValidationException>(() => LatePaymentCalculator.Compute(1m, Currency.Eur, new LocalDate(2000, 1, 1), new LocalDate(2000, 2, 1), France)).Issues[0].RuleId);
    }

    [Fact]
    public void Compute_MaximumAmountOverCenturies_DoesNotOverflow()
    {
        var costs = LatePaymentCalculator.Compute(LatePaymentCalculator.MaxAmount, Currency.Eur, new LocalDate(2026, 1, 1), new LocalDate(9999, 12, 31), France);

        Assert.True(costs.Interest > 0m);
    }

    [Fact]
    public void RateTable_HostileRows_ThrowNamedRules()
    {
        Assert.Equal("DUN-RATE-SEMESTER", Assert.Throws<InvoiceValidationException>(() => France.With(new LatePaymentRate(new LocalDate(2026, 3, 1), 2m))).Issues[0].RuleId);
        Assert.Equal("DUN-RATE-VALUE", Assert.Throws<InvoiceValidationException>(() => France.With(new LatePaymentRate(new LocalDate(2026, 7, 1), 1000m))).Issues[0].RuleId);
        Assert.Equal("DUN-RATE-EMPTY", Assert.Throws<InvoiceValidationException>(() => new LatePaymentRateTable([])).Issues[0].RuleId);
        Assert.Equal("DUN-RATE-DUPLICATE", Assert.Throws<InvoiceValidationException>(() => new LatePaymentRateTable([new(new LocalDate(2026, 1, 1), 1m), new(new LocalDate(2026, 1, 1), 2m)])).Issues[0].RuleId);
    }

    [Fact]
    public void RateTable_With_HostUpdatesTheNextSemester()
    {
        var updated = France.With(new LatePaymentRate(new LocalDate(2026, 7, 1), 1.90m, 2.50m));

        Assert.Equal(11.90m, updated.RateOn(new LocalDate(2026, 9, 1)).AnnualPercent);
        Assert.Equal(12.15m, France.RateOn(new LocalDate(2026, 9, 1)).AnnualPercent);
    }

    [Fact]
    public void Compute_PeriodOver29February_CountsEachDayAsOne365th()
    {
        var costs = LatePaymentCalculator.Compute(10_000m, Currency.Eur, new LocalDate(2024, 2, 15), new LocalDate(2024, 3, 15), France);

        // 16-29 February (14 days, the 29th included) + 1-15 March (15 days) = 29 days at 15.21 % (2024 S1):
        // 10000 x 15.21 % x 29 / 365 = 120.84657... -> 120.85 (over 366 it would be 120.52).
        Assert.Equal(29, costs.DaysLate);
        Assert.Equal(120.85m, costs.Interest);
    }

    [Fact]
    public void Compute_WholeLeapYear_Is366DaysOver365()
    {
        var costs = LatePaymentCalculator.Compute(1000m, Currency.Eur, new LocalDate(2023, 12, 31), new LocalDate(2024, 12, 31), France);

        // 2024 S1: 182 days at 15.21 %, S2: 184 days at 14.76 %:
        // 1000 x (15.21 x 182 + 14.76 x 184) / 36500 = 5484.06 / 36.5 = 150.24821... -> 150.25
        Assert.Equal(366, costs.DaysLate);
        Assert.Equal(150.25m, costs.Interest);
    }

    [FsCheck.Xunit.Property]
    public Property Compute_SplitAtAnyDay_AddsUpWithinOneCent()
    {
        // Each part is rounded once to the cent (at most half a cent off), so the two parts and the whole differ by at
        // most one cent; leap days and semester ends fall inside the periods drawn (2023 to 2025).
        var gen = from cents in Gen.Choose(0, 100_000_000)
                  from start in Gen.Choose(0, 900)
                  from first in Gen.Choose(1, 400)
                  from second in Gen.Choose(1, 400)
                  select (Amount: cents / 100m, Due: new LocalDate(2023, 1, 1).PlusDays(start), First: first, Second: second);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var split = c.Due.PlusDays(c.First);
            var end = split.PlusDays(c.Second);
            var whole = LatePaymentCalculator.Compute(c.Amount, Currency.Eur, c.Due, end, France).Interest;
            var parts = LatePaymentCalculator.Compute(c.Amount, Currency.Eur, c.Due, split, France).Interest
                + LatePaymentCalculator.Compute(c.Amount, Currency.Eur, split, end, France).Interest;
            return Math.Abs(whole - parts) <= 0.01m;
        });
    }

    [FsCheck.Xunit.Property]
    public Property Compute_IsRoundedNonNegativeAndGrowsWithTime()
    {
        var gen = from cents in Gen.Choose(0, 100_000_000)
                  from start in Gen.Choose(0, 3000)
                  from days in Gen.Choose(1, 800)
                  from more in Gen.Choose(0, 400)
                  select (Amount: cents / 100m, Due: new LocalDate(2017, 1, 1).PlusDays(start), Days: days, More: more);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var shorter = LatePaymentCalculator.Compute(c.Amount, Currency.Eur, c.Due, c.Due.PlusDays(c.Days), France);
            var longer = LatePaymentCalculator.Compute(c.Amount, Currency.Eur, c.Due, c.Due.PlusDays(c.Days + c.More), France);
            return shorter.Interest >= 0m && Currency.Eur.IsRounded(shorter.Interest) && longer.Interest >= shorter.Interest
                && shorter.RecoveryIndemnity == 40m && longer.RecoveryIndemnity == 40m && shorter.DaysLate == c.Days;
        });
    }

    [FsCheck.Xunit.Property]
    public Property Compute_WithinOneSemester_IsTheProRataFormula()
    {
        var gen = from cents in Gen.Choose(0, 100_000_000)
                  from day in Gen.Choose(0, 150)
                  from days in Gen.Choose(1, 30)
                  select (Amount: cents / 100m, Due: new LocalDate(2025, 1, 1).PlusDays(day), Days: days);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var costs = LatePaymentCalculator.Compute(c.Amount, Currency.Eur, c.Due, c.Due.PlusDays(c.Days), France);
            return costs.Interest == Currency.Eur.Round(c.Amount * 13.15m * c.Days / 36500m);
        });
    }
}
