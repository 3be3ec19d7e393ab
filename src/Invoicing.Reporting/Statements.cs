using Invoicing.Core;

namespace Invoicing.Reporting;

/// <summary>
/// Statements of account: for one customer and a day, every open item, payment and credit with the running balance
/// and the aging of what is owed, one section per currency. Unlike the other reports, a statement keeps the
/// customer's documents in memory while it is built: it lists them.
/// </summary>
public static class Statements
{
    /// <summary>The statement of <see cref="StatementRequest.CustomerKey"/> from a list of accounts; other customers' accounts are skipped.</summary>
    /// <param name="accounts">Issued invoices and credit notes with their payments and credits, of any customer.</param>
    /// <param name="request">The customer, the statement date, the optional start of the period and the aging columns.</param>
    /// <exception cref="InvoiceValidationException">
    /// The customer key is empty or has no document (<c>REP-STATEMENT-CUSTOMER</c>, field <c>customerKey</c>); it has
    /// none issued by the statement date (<c>REP-STATEMENT-DATE</c>, <c>asOf</c>); the period starts after the statement
    /// date (<c>REP-STATEMENT-PERIOD</c>, <c>from</c>); an account is null or has no currency (<c>REP-ACCOUNT-NULL</c>, <c>REP-CURRENCY</c>).
    /// </exception>
    public static StatementOfAccount Build(IEnumerable<InvoiceAccount> accounts, StatementRequest request)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        StatementBuilder.Check(request);
        var mine = new List<InvoiceAccount>();
        long index = 0;
        foreach (var account in accounts)
        {
            Keep(mine, account, index++, request.CustomerKey);
        }

        return StatementBuilder.Build(mine, request);
    }

    /// <summary>The statement from a stream of accounts.</summary>
    /// <inheritdoc cref="Build(IEnumerable{InvoiceAccount}, StatementRequest)"/>
    public static async Task<StatementOfAccount> BuildAsync(IAsyncEnumerable<InvoiceAccount> accounts, StatementRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        StatementBuilder.Check(request);
        var mine = new List<InvoiceAccount>();
        long index = 0;
        await foreach (var account in accounts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            Keep(mine, account, index++, request.CustomerKey);
        }

        return StatementBuilder.Build(mine, request);
    }

    /// <summary>The statement from a store, reading only the customer's documents (<see cref="InvoiceQuery.CustomerKey"/>).</summary>
    /// <param name="store">The store.</param>
    /// <param name="request">The customer, the statement date, the optional start of the period and the aging columns.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <inheritdoc cref="Build(IEnumerable{InvoiceAccount}, StatementRequest)"/>
    public static Task<StatementOfAccount> BuildAsync(IInvoiceStore store, StatementRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        StatementBuilder.Check(request);
        return BuildAsync(store.QueryAsync(InvoiceQuery.All with { CustomerKey = request.CustomerKey }, cancellationToken), request, cancellationToken);
    }

    private static void Keep(List<InvoiceAccount> mine, InvoiceAccount? candidate, long index, string customerKey)
    {
        var account = AccountFacts.Check(candidate, index);
        if (string.Equals(account.Invoice.Document.CustomerKey, customerKey, StringComparison.Ordinal))
        {
            mine.Add(account);
        }
    }
}
