namespace Invoicing.Roi;

/// <summary>
/// Computes the payoff of automating invoicing: yearly benefits, first-year ROI, payback, NPV over 1, 3 and 5
/// years, and how each figure moves when one input changes by 20 %.
/// </summary>
public static class RoiCalculator
{
    /// <summary>Upper bound of every amount and volume, so no product can overflow.</summary>
    public const decimal MaxValue = 1_000_000_000m;

    /// <summary>Upper bound of a DSO, in days (ten years).</summary>
    public const decimal MaxDsoDays = 3_650m;

    /// <summary>The payoff of the detailed model.</summary>
    /// <exception cref="RoiInputException">An input is negative, a fraction is above 1, a value is too large, or the investment is zero.</exception>
    public static RoiResult Calculate(RoiInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        RoiInputValidator.Validate(inputs);
        var benefits = Benefits(inputs);
        var result = Result(benefits, inputs.SubscriptionPerYear, inputs.Investment, inputs.DiscountRate, []);
        var sensitivity = SensitivityFields.Detailed
            .Select(field => Row(field.Name, field.Get(inputs), field.IsFraction, value =>
            {
                var changed = field.With(inputs, value);
                return (Net(Benefits(changed), changed.SubscriptionPerYear), changed.Investment, changed.DiscountRate);
            }))
            .ToList();
        return result with { Sensitivity = sensitivity };
    }

    /// <summary>
    /// The payoff when the yearly benefits are known as one figure: investment EUR 1,500 and benefits EUR 4,500
    /// a year give an ROI of 2 (200 %) and a payback of 4 months.
    /// </summary>
    /// <param name="investment">The one-off investment; above zero.</param>
    /// <param name="annualBenefits">Benefits per year; zero or more.</param>
    /// <param name="discountRate">The yearly discount rate for the NPV, a fraction in [0, 1].</param>
    /// <param name="annualRunningCosts">Running costs per year deducted from the benefits; zero or more.</param>
    /// <exception cref="RoiInputException">An input is out of range.</exception>
    public static RoiResult Calculate(decimal investment, decimal annualBenefits, decimal discountRate = 0.08m, decimal annualRunningCosts = 0m)
    {
        RoiInputValidator.ValidateTotals(investment, annualBenefits, discountRate, annualRunningCosts);
        var benefits = new[] { new BenefitLine("annualBenefits", RoiMath.Cents(annualBenefits)) };
        var result = Result(benefits, annualRunningCosts, investment, discountRate, []);
        var sensitivity = new[]
        {
            Row("investment", investment, false, v => (annualBenefits - annualRunningCosts, v, discountRate)),
            Row("annualBenefits", annualBenefits, false, v => (v - annualRunningCosts, investment, discountRate)),
            Row("annualRunningCosts", annualRunningCosts, false, v => (annualBenefits - v, investment, discountRate)),
            Row("discountRate", discountRate, true, v => (annualBenefits - annualRunningCosts, investment, v)),
        };
        return result with { Sensitivity = sensitivity };
    }

    /// <summary>The yearly benefits of the detailed model, each to the cent.</summary>
    internal static IReadOnlyList<BenefitLine> Benefits(RoiInputs inputs)
    {
        var perYear = inputs.InvoicesPerMonth * 12m;
        var labour = perYear * (inputs.ManualMinutesPerInvoice - inputs.AutomatedMinutesPerInvoice) / 60m * inputs.HourlyCost;
        var errors = perYear * inputs.ErrorRate * inputs.ErrorReduction * inputs.CostPerError;
        var printing = perYear * inputs.PrintingAndPostagePerInvoice;
        var capital = perYear * inputs.AverageInvoiceAmount / 365m * (inputs.DsoBeforeDays - inputs.DsoAfterDays) * inputs.CostOfCapital;
        return
        [
            new BenefitLine("labour", RoiMath.Cents(labour)),
            new BenefitLine("errors", RoiMath.Cents(errors)),
            new BenefitLine("printingAndPostage", RoiMath.Cents(printing)),
            new BenefitLine("archiving", RoiMath.Cents(inputs.ArchivingPerYear)),
            new BenefitLine("capital", RoiMath.Cents(capital)),
        ];
    }

    private static decimal Net(IReadOnlyList<BenefitLine> benefits, decimal runningCosts) => benefits.Sum(b => b.Amount) - RoiMath.Cents(runningCosts);

    private static RoiResult Result(IReadOnlyList<BenefitLine> benefits, decimal runningCosts, decimal investment, decimal discountRate, IReadOnlyList<SensitivityRow> sensitivity)
    {
        var gross = benefits.Sum(b => b.Amount);
        var net = Net(benefits, runningCosts);
        return new RoiResult
        {
            Benefits = benefits,
            GrossAnnualBenefits = gross,
            AnnualRunningCosts = RoiMath.Cents(runningCosts),
            NetAnnualBenefits = net,
            Investment = RoiMath.Cents(investment),
            Roi = RoiMath.Roi(investment, net),
            PaybackMonths = RoiMath.PaybackMonths(investment, net),
            DiscountRate = discountRate,
            Npv = RoiMath.Horizons.Select(years => new NpvPoint(years, RoiMath.Npv(investment, net, discountRate, years))).ToList(),
            Sensitivity = sensitivity,
        };
    }

    private static SensitivityRow Row(string field, decimal value, bool isFraction, Func<decimal, (decimal Net, decimal Investment, decimal Rate)> evaluate)
    {
        var low = value * 0.8m;
        var high = isFraction ? Math.Min(1m, value * 1.2m) : value * 1.2m;
        var atLow = evaluate(low);
        var atHigh = evaluate(high);
        var horizon = RoiMath.Horizons[^1];
        return new SensitivityRow(
            field,
            value,
            low,
            high,
            RoiMath.Roi(atLow.Investment, atLow.Net),
            RoiMath.Roi(atHigh.Investment, atHigh.Net),
            RoiMath.Npv(atLow.Investment, atLow.Net, atLow.Rate, horizon),
            RoiMath.Npv(atHigh.Investment, atHigh.Net, atHigh.Rate, horizon));
    }
}
