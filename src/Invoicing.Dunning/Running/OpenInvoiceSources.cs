using System.Runtime.CompilerServices;
using Invoicing.Core;

namespace Invoicing.Dunning;

/// <summary>Ready-made <see cref="IOpenInvoiceSource"/>s.</summary>
public static class OpenInvoiceSources
{
    /// <summary>Open invoices from a store (<see cref="InvoiceQuery.Open"/>).</summary>
    public static IOpenInvoiceSource FromStore(IInvoiceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new StoreSource(store);
    }

    /// <summary>
    /// Open invoices from a dictionary keyed by invoice number, read live at each call (the caller may replace
    /// accounts as payments arrive; use a concurrent dictionary when it does so while a run is going).
    /// </summary>
    public static IOpenInvoiceSource FromAccounts(IReadOnlyDictionary<string, InvoiceAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return new DictionarySource(accounts);
    }

    private sealed class StoreSource(IInvoiceStore store) : IOpenInvoiceSource
    {
        public IAsyncEnumerable<InvoiceAccount> ListOpenAsync(CancellationToken cancellationToken = default) =>
            store.QueryAsync(InvoiceQuery.Open, cancellationToken);

        public Task<InvoiceAccount?> GetAsync(string invoiceNumber, CancellationToken cancellationToken = default) =>
            store.GetAccountAsync(invoiceNumber, cancellationToken);
    }

    private sealed class DictionarySource(IReadOnlyDictionary<string, InvoiceAccount> accounts) : IOpenInvoiceSource
    {
        public async IAsyncEnumerable<InvoiceAccount> ListOpenAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var account in accounts.Values)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (account.IsOpen)
                {
                    yield return account;
                }
            }

            await Task.CompletedTask.ConfigureAwait(false);
        }

        public Task<InvoiceAccount?> GetAsync(string invoiceNumber, CancellationToken cancellationToken = default) =>
            Task.FromResult(invoiceNumber is not null && accounts.TryGetValue(invoiceNumber, out var account) ? account : null);
    }
}
