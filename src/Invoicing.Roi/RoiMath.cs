namespace Invoicing.Roi;

/// <summary>The pure formulas of the model: no state, no I/O, decimal throughout.</summary>
internal static class RoiMath
{
    /// <summary>The horizons of the NPV, in years.</summary>
    public static readonly int[] Horizons = [1, 3, 5];

    /// <summary>Money is shown to the cent, half away from zero.</summary>
    public static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>(net - investment) / investment, to four decimals (0.01 %).</summary>
    public static decimal Roi(decimal investment, decimal netAnnualBenefits) =>
        Math.Round((netAnnualBenefits - investment) / investment, 4, MidpointRounding.AwayFromZero);

    /// <summary>investment / (net / 12), to two decimals; null when the net benefits are not positive.</summary>
    public static decimal? PaybackMonths(decimal investment, decimal netAnnualBenefits) =>
        netAnnualBenefits <= 0m ? null : Math.Round(investment * 12m / netAnnualBenefits, 2, MidpointRounding.AwayFromZero);

    /// <summary>-investment + sum over t = 1..years of net / (1 + rate)^t, to the cent.</summary>
    public static decimal Npv(decimal investment, decimal netAnnualBenefits, decimal rate, int years)
    {
        var value = -investment;
        var factor = 1m;
        for (var year = 1; year <= years; year++)
        {
            factor /= 1m + rate;
            value += netAnnualBenefits * factor;
        }

        return Cents(value);
    }
}
