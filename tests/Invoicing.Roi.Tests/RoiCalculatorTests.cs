using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Invoicing.Roi.Tests;

public sealed class RoiCalculatorTests
{
    [Fact]
    public void Calculate_SourceExample_GivesRoiOf200PercentAndFourMonthPayback()
    {
        var result = RoiCalculator.Calculate(investment: 1_500m, annualBenefits: 4_500m);

        Assert.Equal(2m, result.Roi);
        Assert.Equal(4m, result.PaybackMonths);
        Assert.Equal(4_500m, result.NetAnnualBenefits);
        Assert.Equal(1_500m, result.Investment);
    }

    [Fact]
    public void Calculate_SourceExample_DiscountsEachYearAtEightPercent()
    {
        var result = RoiCalculator.Calculate(1_500m, 4_500m, discountRate: 0.08m);

        // 4500/1.08 = 4166.667; + 4500/1.08^2 + 4500/1.08^3 = 11596.936; + two more years = 17967.195
        Assert.Equal(2_666.67m, result.NpvOver(1));
        Assert.Equal(10_096.94m, result.NpvOver(3));
        Assert.Equal(16_467.20m, result.NpvOver(5));
    }

    [Fact]
    public void Calculate_ZeroDiscountRate_NpvIsUndiscountedSum()
    {
        var result = RoiCalculator.Calculate(1_500m, 4_500m, discountRate: 0m);

        Assert.Equal(3_000m, result.NpvOver(1));
        Assert.Equal(12_000m, result.NpvOver(3));
        Assert.Equal(21_000m, result.NpvOver(5));
    }

    [Fact]
    public void Calculate_RunningCosts_AreDeductedBeforeRoi()
    {
        // net = 4500 - 1500 = 3000; ROI = (3000 - 1500) / 1500 = 1; payback = 1500 * 12 / 3000 = 6 months
        var result = RoiCalculator.Calculate(1_500m, 4_500m, annualRunningCosts: 1_500m);

        Assert.Equal(1m, result.Roi);
        Assert.Equal(6m, result.PaybackMonths);
    }

    [Fact]
    public void Calculate_BenefitsBelowRunningCosts_HasNoPayback()
    {
        var result = RoiCalculator.Calculate(1_500m, 1_000m, annualRunningCosts: 1_200m);

        Assert.Null(result.PaybackMonths);
        Assert.Equal(-200m, result.NetAnnualBenefits);
        Assert.Equal(-1.1333m, result.Roi); // (-200 - 1500) / 1500
    }

    [Fact]
    public void Calculate_Defaults_GiveHandComputedBreakdown()
    {
        var result = RoiCalculator.Calculate(new RoiInputs());

        // 2400 invoices a year; labour 2400 * 12 min / 60 * 35 = 16800; errors 2400 * 0.03 * 0.8 * 40 = 2304
        // printing 2400 * 1.50 = 3600; archiving 1500; capital 2400 * 800 / 365 * 20 days * 0.05 = 5260.27
        Assert.Equal(
            [("labour", 16_800m), ("errors", 2_304m), ("printingAndPostage", 3_600m), ("archiving", 1_500m), ("capital", 5_260.27m)],
            result.Benefits.Select(b => (b.Name, b.Amount)));
        Assert.Equal(29_464.27m, result.GrossAnnualBenefits);
        Assert.Equal(1_200m, result.AnnualRunningCosts);
        Assert.Equal(28_264.27m, result.NetAnnualBenefits);
        Assert.Equal(1_500m, result.Investment);
        Assert.Equal(17.8428m, result.Roi); // (28264.27 - 1500) / 1500 = 17.842847
        Assert.Equal(0.64m, result.PaybackMonths); // 18000 / 28264.27 = 0.6368
    }

    [Fact]
    public void Calculate_Defaults_SensitivityVariesEachInputByTwentyPercent()
    {
        var result = RoiCalculator.Calculate(new RoiInputs());

        Assert.Equal(17, result.Sensitivity.Count);
        var volume = Assert.Single(result.Sensitivity, r => r.Field == "invoicesPerMonth");
        Assert.Equal((160m, 240m), (volume.Low, volume.High));

        // At 160 invoices a month every volume-driven benefit is 80 %: 13440 + 1843.20 + 2880 + 1500 + 4208.22 = 23871.42
        // net 22671.42; ROI (22671.42 - 1500) / 1500 = 14.11428
        Assert.Equal(14.1143m, volume.RoiLow);
        var errorReduction = Assert.Single(result.Sensitivity, r => r.Field == "errorReduction");
        Assert.Equal(0.96m, errorReduction.High);
        var setup = Assert.Single(result.Sensitivity, r => r.Field == "setupCost");
        Assert.Equal(Math.Round((28_264.27m - 1_300m) / 1_300m, 4, MidpointRounding.AwayFromZero), setup.RoiLow);
    }

    [Fact]
    public void Calculate_FractionAtOne_SensitivityCapsHighAtOne()
    {
        var result = RoiCalculator.Calculate(new RoiInputs { ErrorReduction = 1m });

        var row = Assert.Single(result.Sensitivity, r => r.Field == "errorReduction");
        Assert.Equal(1m, row.High);
        Assert.Equal(0.8m, row.Low);
    }

    [Fact]
    public void Calculate_SourceExample_SensitivityOfBenefitsAndInvestment()
    {
        var result = RoiCalculator.Calculate(1_500m, 4_500m);

        var benefits = Assert.Single(result.Sensitivity, r => r.Field == "annualBenefits");
        Assert.Equal((1.4m, 2.6m), (benefits.RoiLow, benefits.RoiHigh)); // (3600-1500)/1500, (5400-1500)/1500
        var investment = Assert.Single(result.Sensitivity, r => r.Field == "investment");
        Assert.Equal((2.75m, 1.5m), (investment.RoiLow, investment.RoiHigh)); // (4500-1200)/1200, (4500-1800)/1800
        var rate = Assert.Single(result.Sensitivity, r => r.Field == "discountRate");
        Assert.Equal(0.064m, rate.Low);
        Assert.True(rate.NpvLow > result.NpvOver(5) && rate.NpvHigh < result.NpvOver(5));
    }

    [Fact]
    public void Calculate_ZeroInvestment_NamesTheInvestment()
    {
        var error = Assert.Throws<RoiInputException>(() => RoiCalculator.Calculate(0m, 4_500m));

        var issue = Assert.Single(error.Issues);
        Assert.Equal(("investment", "ROI-ZERO-INVESTMENT"), (issue.Field, issue.Rule));
    }

    [Fact]
    public void Calculate_DetailedZeroSetupAndTraining_IsZeroInvestment()
    {
        var error = Assert.Throws<RoiInputException>(() => RoiCalculator.Calculate(new RoiInputs { SetupCost = 0m, TrainingCost = 0m }));

        Assert.Equal("investment", Assert.Single(error.Issues).Field);
    }

    [Fact]
    public void Calculate_NegativeVolumeAndFractionAboveOne_ListsBothFields()
    {
        var error = Assert.Throws<RoiInputException>(() => RoiCalculator.Calculate(new RoiInputs { InvoicesPerMonth = -1m, ErrorRate = 1.5m }));

        Assert.Equal(
            [("invoicesPerMonth", "ROI-NEGATIVE"), ("errorRate", "ROI-FRACTION")],
            error.Issues.Select(i => (i.Field, i.Rule)));
        Assert.Contains("invoicesPerMonth", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 4500, 0.08, 0, "investment", "ROI-NEGATIVE")]
    [InlineData(1500, -4500, 0.08, 0, "annualBenefits", "ROI-NEGATIVE")]
    [InlineData(1500, 4500, 1.2, 0, "discountRate", "ROI-FRACTION")]
    [InlineData(1500, 4500, -0.01, 0, "discountRate", "ROI-NEGATIVE")]
    [InlineData(1500, 4500, 0.08, -5, "annualRunningCosts", "ROI-NEGATIVE")]
    [InlineData(1500, 2e12, 0.08, 0, "annualBenefits", "ROI-TOO-LARGE")]
    public void Calculate_TotalsOutOfRange_NamesFieldAndRule(double investment, double benefits, double rate, double running, string field, string rule)
    {
        var error = Assert.Throws<RoiInputException>(() => RoiCalculator.Calculate((decimal)investment, (decimal)benefits, (decimal)rate, (decimal)running));

        Assert.Contains(error.Issues, i => i.Field == field && i.Rule == rule);
    }

    [Fact]
    public void Calculate_HugeButAllowedInputs_DoNotOverflow()
    {
        var max = RoiCalculator.MaxValue;
        var inputs = new RoiInputs
        {
            InvoicesPerMonth = max, ManualMinutesPerInvoice = max, HourlyCost = max, CostPerError = max, ErrorRate = 1m, ErrorReduction = 1m,
            PrintingAndPostagePerInvoice = max, ArchivingPerYear = max, AverageInvoiceAmount = max, DsoBeforeDays = RoiCalculator.MaxDsoDays,
            DsoAfterDays = 0m, CostOfCapital = 1m, SetupCost = max, TrainingCost = max, SubscriptionPerYear = max, DiscountRate = 1m,
        };

        var result = RoiCalculator.Calculate(inputs);

        Assert.True(result.Roi > 0m);
    }

    [Fact]
    public void Calculate_DsoAboveTenYears_IsTooLarge()
    {
        var error = Assert.Throws<RoiInputException>(() => RoiCalculator.Calculate(new RoiInputs { DsoBeforeDays = 4_000m }));

        Assert.Equal(("dsoBeforeDays", "ROI-TOO-LARGE"), (error.Issues[0].Field, error.Issues[0].Rule));
    }

    [Fact]
    public void NpvOver_UnknownHorizon_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RoiCalculator.Calculate(1_500m, 4_500m).NpvOver(2));

    [Property]
    public Property Calculate_MoreBenefits_NeverLowersRoi(NonNegativeInt a, NonNegativeInt b, PositiveInt investment)
    {
        var low = Math.Min(a.Get, b.Get);
        var high = Math.Max(a.Get, b.Get);
        var atLow = RoiCalculator.Calculate(investment.Get, low);
        var atHigh = RoiCalculator.Calculate(investment.Get, high);
        return (atLow.Roi <= atHigh.Roi && atLow.NpvOver(5) <= atHigh.NpvOver(5)).ToProperty();
    }

    [Property]
    public Property Calculate_PositiveNet_LongerHorizonsAddValueAndPaybackRepaysInvestment(PositiveInt benefits, PositiveInt investment)
    {
        var result = RoiCalculator.Calculate(investment.Get, benefits.Get);
        var repaid = result.PaybackMonths!.Value * benefits.Get / 12m;
        return (result.NpvOver(1) < result.NpvOver(3) && result.NpvOver(3) < result.NpvOver(5)
            && Math.Abs(repaid - investment.Get) <= benefits.Get / 12m * 0.005m + 0.0001m).ToProperty();
    }
}
