namespace Invoicing.Roi;

/// <summary>One yearly benefit of automation.</summary>
/// <param name="Name">What it is: <c>labour</c>, <c>errors</c>, <c>printingAndPostage</c>, <c>archiving</c>, <c>capital</c> (or <c>annualBenefits</c> when given as a total).</param>
/// <param name="Amount">The amount per year, rounded to cents.</param>
public sealed record BenefitLine(string Name, decimal Amount);

/// <summary>The net present value over a horizon.</summary>
/// <param name="Years">The horizon in years.</param>
/// <param name="Value">Minus the investment, plus each year's net benefit discounted, rounded to cents.</param>
public sealed record NpvPoint(int Years, decimal Value);

/// <summary>How the ROI and the 5-year NPV move when one input is 20 % lower and 20 % higher.</summary>
/// <param name="Field">The input, camel case.</param>
/// <param name="Base">The input's value.</param>
/// <param name="Low">The input at -20 % (a fraction capped at 1).</param>
/// <param name="High">The input at +20 % (a fraction capped at 1).</param>
/// <param name="RoiLow">The ROI with the low value.</param>
/// <param name="RoiHigh">The ROI with the high value.</param>
/// <param name="NpvLow">The NPV over the longest horizon with the low value.</param>
/// <param name="NpvHigh">The NPV over the longest horizon with the high value.</param>
public sealed record SensitivityRow(string Field, decimal Base, decimal Low, decimal High, decimal RoiLow, decimal RoiHigh, decimal NpvLow, decimal NpvHigh);

/// <summary>The payoff of automating invoicing.</summary>
public sealed record RoiResult
{
    /// <summary>Yearly benefits, one line per source.</summary>
    public required IReadOnlyList<BenefitLine> Benefits { get; init; }

    /// <summary>Sum of the benefits per year.</summary>
    public required decimal GrossAnnualBenefits { get; init; }

    /// <summary>Running costs per year (the subscription).</summary>
    public required decimal AnnualRunningCosts { get; init; }

    /// <summary>Benefits minus running costs, per year.</summary>
    public required decimal NetAnnualBenefits { get; init; }

    /// <summary>The one-off investment (setup and training).</summary>
    public required decimal Investment { get; init; }

    /// <summary>First-year return on investment as a fraction: (net benefits - investment) / investment; 2 means 200 %.</summary>
    public required decimal Roi { get; init; }

    /// <summary>Months until the net benefits repay the investment; null when the net benefits are not positive.</summary>
    public required decimal? PaybackMonths { get; init; }

    /// <summary>The discount rate used for the NPV.</summary>
    public required decimal DiscountRate { get; init; }

    /// <summary>NPV over 1, 3 and 5 years.</summary>
    public required IReadOnlyList<NpvPoint> Npv { get; init; }

    /// <summary>Each input at -20 % and +20 %.</summary>
    public required IReadOnlyList<SensitivityRow> Sensitivity { get; init; }

    /// <summary>The NPV over <paramref name="years"/> years (1, 3 or 5).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No NPV was computed for that horizon.</exception>
    public decimal NpvOver(int years) =>
        Npv.FirstOrDefault(p => p.Years == years)?.Value
        ?? throw new ArgumentOutOfRangeException(nameof(years), years, "The NPV is computed over 1, 3 and 5 years.");
}
