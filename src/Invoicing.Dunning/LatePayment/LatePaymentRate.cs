using NodaTime;

namespace Invoicing.Dunning;

/// <summary>The reference rates of one semester (France, Code de commerce L441-10).</summary>
/// <param name="From">The first day of the semester: 1 January or 1 July.</param>
/// <param name="EcbRatePercent">The ECB main refinancing rate in force on that day, in percent (2.15 for 2.15 %).</param>
/// <param name="LegalRatePercent">The French legal interest rate for professional creditors that semester, in percent, when known; the late-payment rate is never below three times it.</param>
public sealed record LatePaymentRate(LocalDate From, decimal EcbRatePercent, decimal? LegalRatePercent = null)
{
    /// <summary>The points added to the ECB rate (10).</summary>
    public const decimal MarginPoints = 10m;

    /// <summary>The annual late-payment rate in percent: ECB rate + 10 points, at least 3 x the legal rate.</summary>
    public decimal AnnualPercent => Math.Max(EcbRatePercent + MarginPoints, 3m * (LegalRatePercent ?? 0m));
}
