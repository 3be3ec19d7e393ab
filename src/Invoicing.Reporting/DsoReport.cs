using Invoicing.Core;
using NodaTime;

namespace Invoicing.Reporting;

/// <summary>Days sales outstanding and collection effectiveness of one currency.</summary>
/// <param name="Currency">The invoice currency.</param>
/// <param name="Receivables">Open balances on the as-of day.</param>
/// <param name="CreditSales">Invoices less credit notes issued in the period (the <see cref="DsoReport.PeriodDays"/> days ending on the as-of day).</param>
/// <param name="StandardDays">Receivables / credit sales x period days, to 0.1 day; null when there were no sales.</param>
/// <param name="CountbackDays">
/// Countback: walk back month by month from the as-of day (the current month counts from its 1st), taking
/// each month's sales off the receivables; full months count all their days, the last one the share still
/// needed. To 0.1 day; zero when nothing is owed.
/// </param>
/// <param name="CountbackIsLowerBound">True when 36 months of sales did not cover the receivables: the countback is at least this.</param>
/// <param name="OpeningReceivables">Open balances on the day before the period began.</param>
/// <param name="CurrentReceivables">The part of <paramref name="Receivables"/> not yet due.</param>
/// <param name="CollectionEffectivenessIndex">
/// CEI in percent, to 0.01: (opening + sales - receivables) / (opening + sales - current receivables) x 100;
/// null when the denominator is not positive.
/// </param>
public sealed record DsoFigures(
    Currency Currency,
    decimal Receivables,
    decimal CreditSales,
    decimal? StandardDays,
    decimal CountbackDays,
    bool CountbackIsLowerBound,
    decimal OpeningReceivables,
    decimal CurrentReceivables,
    decimal? CollectionEffectivenessIndex);

/// <summary>DSO (standard and countback) and CEI per currency.</summary>
/// <param name="AsOf">The last day of the period.</param>
/// <param name="PeriodDays">The length of the period for the standard DSO and the CEI.</param>
/// <param name="Currencies">One line per currency, in code order.</param>
public sealed record DsoReport(LocalDate AsOf, int PeriodDays, IReadOnlyList<DsoFigures> Currencies)
{
    /// <summary>The figures of a currency, or null when it has no invoice.</summary>
    public DsoFigures? For(string currencyCode) => Currencies.FirstOrDefault(c => string.Equals(c.Currency.Code, currencyCode, StringComparison.OrdinalIgnoreCase));
}
