using System.Runtime.CompilerServices;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Reporting;

/// <summary>
/// Where the cash is: aging, DSO and CEI, payment behaviour, top debtors, overdue list and cash-in forecast.
/// Every report reads its accounts once, as they come (from a list or a store's <see cref="IInvoiceStore.QueryAsync"/>),
/// and keeps per-customer and per-currency sums only, so memory does not grow with the number of invoices.
/// Amounts in different currencies are never added together. Everything is computed as of a day: payments,
/// credits and invoices dated after it are ignored.
/// </summary>
public static class Receivables
{
    /// <summary>The default period of the standard DSO and the CEI, in days.</summary>
    public const int DefaultDsoPeriodDays = 90;

    /// <summary>The default length of the forecast, in weeks.</summary>
    public const int DefaultForecastWeeks = 12;

    /// <summary>Open balances by days past due, per customer and in total, per currency.</summary>
    /// <param name="accounts">Issued invoices with their payments and credits; credit notes and settled invoices are skipped.</param>
    /// <param name="asOf">The day the report looks from.</param>
    /// <param name="buckets">The columns; <see cref="AgingBuckets.Default"/> when null.</param>
    /// <exception cref="InvoiceValidationException">An account is null or has no currency (rules <c>REP-ACCOUNT-NULL</c>, <c>REP-CURRENCY</c>).</exception>
    public static AgingReport Aging(IEnumerable<InvoiceAccount> accounts, LocalDate asOf, AgingBuckets? buckets = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var accumulator = new AgingAccumulator(asOf, buckets ?? AgingBuckets.Default);
        foreach (var account in accounts)
        {
            accumulator.Add(account);
        }

        return accumulator.Build();
    }

    /// <summary>The aging report from a stream of accounts.</summary>
    /// <inheritdoc cref="Aging(IEnumerable{InvoiceAccount}, LocalDate, AgingBuckets?)"/>
    public static async Task<AgingReport> AgingAsync(IAsyncEnumerable<InvoiceAccount> accounts, LocalDate asOf, AgingBuckets? buckets = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var accumulator = new AgingAccumulator(asOf, buckets ?? AgingBuckets.Default);
        await foreach (var account in accounts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            accumulator.Add(account);
        }

        return accumulator.Build();
    }

    /// <summary>DSO (standard and countback) and collection effectiveness index, per currency.</summary>
    /// <param name="accounts">Every issued document of the period and before: invoices, credit notes, settled or not.</param>
    /// <param name="asOf">The last day of the period.</param>
    /// <param name="periodDays">The period of the standard DSO and the CEI: 1 to 3660 days.</param>
    /// <exception cref="InvoiceValidationException">The period is out of range (<c>REP-DSO-PERIOD</c>, field <c>periodDays</c>), or an account is null or has no currency.</exception>
    public static DsoReport Dso(IEnumerable<InvoiceAccount> accounts, LocalDate asOf, int periodDays = DefaultDsoPeriodDays)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var accumulator = new DsoAccumulator(asOf, periodDays);
        foreach (var account in accounts)
        {
            accumulator.Add(account);
        }

        return accumulator.Build();
    }

    /// <summary>The DSO report from a stream of accounts.</summary>
    /// <inheritdoc cref="Dso(IEnumerable{InvoiceAccount}, LocalDate, int)"/>
    public static async Task<DsoReport> DsoAsync(IAsyncEnumerable<InvoiceAccount> accounts, LocalDate asOf, int periodDays = DefaultDsoPeriodDays, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var accumulator = new DsoAccumulator(asOf, periodDays);
        await foreach (var account in accounts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            accumulator.Add(account);
        }

        return accumulator.Build();
    }

    /// <summary>Average delay and days late per customer, from invoices settled by payments on or before <paramref name="asOf"/>.</summary>
    /// <param name="accounts">The history: settled invoices count, the others are skipped.</param>
    /// <param name="asOf">Payments after this day are ignored.</param>
    /// <exception cref="InvoiceValidationException">An account is null or has no currency.</exception>
    public static PaymentBehaviourReport PaymentBehaviour(IEnumerable<InvoiceAccount> accounts, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var accumulator = new PaymentBehaviourAccumulator(asOf);
        foreach (var account in accounts)
        {
            accumulator.Add(account);
        }

        return accumulator.Build();
    }

    /// <summary>The payment behaviour from a stream of accounts.</summary>
    /// <inheritdoc cref="PaymentBehaviour(IEnumerable{InvoiceAccount}, LocalDate)"/>
    public static async Task<PaymentBehaviourReport> PaymentBehaviourAsync(IAsyncEnumerable<InvoiceAccount> accounts, LocalDate asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var accumulator = new PaymentBehaviourAccumulator(asOf);
        await foreach (var account in accounts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            accumulator.Add(account);
        }

        return accumulator.Build();
    }

    /// <summary>Cash expected week by week from the open invoices, shifted by each customer's payment behaviour.</summary>
    /// <param name="openAccounts">The open invoices (others are skipped).</param>
    /// <param name="asOf">The first day of week 0.</param>
    /// <param name="weeks">How many weeks: 1 to 520.</param>
    /// <param name="behaviour">The customers' delays, from <see cref="PaymentBehaviour"/> over the history.</param>
    /// <exception cref="InvoiceValidationException">The number of weeks is out of range (<c>REP-FORECAST-WEEKS</c>, field <c>weeks</c>), or an account is null or has no currency.</exception>
    public static CashForecast Forecast(IEnumerable<InvoiceAccount> openAccounts, LocalDate asOf, int weeks, PaymentBehaviourReport behaviour)
    {
        ArgumentNullException.ThrowIfNull(openAccounts);
        var accumulator = new ForecastAccumulator(asOf, weeks, behaviour);
        foreach (var account in openAccounts)
        {
            accumulator.Add(account);
        }

        return accumulator.Build();
    }

    /// <summary>The forecast from a list that can be read twice: once for the behaviour, once for the open invoices.</summary>
    /// <inheritdoc cref="Forecast(IEnumerable{InvoiceAccount}, LocalDate, int, PaymentBehaviourReport)"/>
    public static CashForecast Forecast(IReadOnlyCollection<InvoiceAccount> accounts, LocalDate asOf, int weeks = DefaultForecastWeeks) =>
        Forecast(accounts, asOf, weeks, PaymentBehaviour(accounts, asOf));

    /// <summary>The forecast from a stream of open accounts.</summary>
    /// <inheritdoc cref="Forecast(IEnumerable{InvoiceAccount}, LocalDate, int, PaymentBehaviourReport)"/>
    public static async Task<CashForecast> ForecastAsync(IAsyncEnumerable<InvoiceAccount> openAccounts, LocalDate asOf, int weeks, PaymentBehaviourReport behaviour, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(openAccounts);
        var accumulator = new ForecastAccumulator(asOf, weeks, behaviour);
        await foreach (var account in openAccounts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            accumulator.Add(account);
        }

        return accumulator.Build();
    }

    /// <summary>The forecast from a store: one query over everything for the behaviour, one over the open invoices.</summary>
    /// <param name="store">The store.</param>
    /// <param name="asOf">The first day of week 0.</param>
    /// <param name="weeks">How many weeks: 1 to 520.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<CashForecast> ForecastAsync(IInvoiceStore store, LocalDate asOf, int weeks = DefaultForecastWeeks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var behaviour = await PaymentBehaviourAsync(store.QueryAsync(InvoiceQuery.All with { IssuedOnOrBefore = asOf }, cancellationToken), asOf, cancellationToken).ConfigureAwait(false);
        return await ForecastAsync(store.QueryAsync(InvoiceQuery.Open, cancellationToken), asOf, weeks, behaviour, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The open invoices past due on <paramref name="asOf"/>, lazily, in the order they come (a store gives due date order).</summary>
    /// <param name="accounts">The accounts.</param>
    /// <param name="asOf">The day.</param>
    public static IEnumerable<OverdueInvoice> Overdue(IEnumerable<InvoiceAccount> accounts, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return Iterate(accounts, asOf);

        static IEnumerable<OverdueInvoice> Iterate(IEnumerable<InvoiceAccount> accounts, LocalDate asOf)
        {
            long index = 0;
            foreach (var account in accounts)
            {
                if (ToOverdue(account, index++, asOf) is { } overdue)
                {
                    yield return overdue;
                }
            }
        }
    }

    /// <summary>The overdue invoices of a stream, lazily.</summary>
    /// <param name="accounts">The accounts.</param>
    /// <param name="asOf">The day.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public static async IAsyncEnumerable<OverdueInvoice> OverdueAsync(IAsyncEnumerable<InvoiceAccount> accounts, LocalDate asOf, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        long index = 0;
        await foreach (var account in accounts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (ToOverdue(account, index++, asOf) is { } overdue)
            {
                yield return overdue;
            }
        }
    }

    /// <summary>The customers who owe the most in one currency, with their overdue part.</summary>
    /// <param name="report">An aging report.</param>
    /// <param name="currencyCode">The currency.</param>
    /// <param name="count">How many customers, above zero.</param>
    /// <returns>Largest balance first; empty when nothing is open in that currency.</returns>
    public static IReadOnlyList<AgingRow> TopDebtors(AgingReport report, string currencyCode, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return report.For(currencyCode)?.TopDebtors(count) ?? [];
    }

    private static OverdueInvoice? ToOverdue(InvoiceAccount? candidate, long index, LocalDate asOf)
    {
        var account = AccountFacts.Check(candidate, index);
        if (!AccountFacts.IsInvoiceIssuedBy(account, asOf) || account.DueDate >= asOf)
        {
            return null;
        }

        var balance = AccountFacts.BalanceOn(account, asOf);
        if (balance <= 0m)
        {
            return null;
        }

        var document = account.Invoice.Document;
        return new OverdueInvoice(account.Number, document.CustomerKey, document.Buyer.Name, document.Currency, account.DueDate, AccountFacts.DaysBetween(account.DueDate, asOf), balance);
    }
}
