using Invoicing.Core;
using NodaTime;

namespace Invoicing.Portal.Accounts;

/// <summary>
/// Reads one customer's documents from the host's stores. Scoping lives here: a document of another customer is
/// reported exactly as a number that does not exist.
/// </summary>
internal sealed class CustomerDocuments(IInvoiceStore store, IDunningSettingsStore? dunning)
{
    /// <summary>The longest invoice number looked up; longer text from a URL cannot be one.</summary>
    private const int MaxNumberLength = 200;

    /// <summary>Every invoice and credit note of the customer, ordered by due date then number.</summary>
    public async Task<IReadOnlyList<PortalDocument>> ListAsync(string customerKey, LocalDate today, CancellationToken cancellationToken)
    {
        var documents = new List<PortalDocument>();
        await foreach (var account in store.QueryAsync(new InvoiceQuery { CustomerKey = customerKey }, cancellationToken).ConfigureAwait(false))
        {
            // The query filters already; checked again so that a store's looser match can never widen the scope.
            if (string.Equals(account.Invoice.Document.CustomerKey, customerKey, StringComparison.Ordinal))
            {
                documents.Add(await DescribeAsync(account, today, cancellationToken).ConfigureAwait(false));
            }
        }

        return documents;
    }

    /// <summary>The customer's document of that number; null when there is none or it is another customer's.</summary>
    public async Task<PortalDocument?> FindAsync(string customerKey, string? number, LocalDate today, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > MaxNumberLength || number.Any(char.IsControl))
        {
            return null;
        }

        var account = await store.GetAccountAsync(number, cancellationToken).ConfigureAwait(false);
        if (account is null || !string.Equals(account.Invoice.Document.CustomerKey, customerKey, StringComparison.Ordinal))
        {
            return null;
        }

        return await DescribeAsync(account, today, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The customer's dunning settings (language, time zone), or null.</summary>
    public async Task<DunningCustomerSettings?> CustomerSettingsAsync(string customerKey, CancellationToken cancellationToken) =>
        dunning is null ? null : await dunning.GetCustomerAsync(customerKey, cancellationToken).ConfigureAwait(false);

    private async Task<PortalDocument> DescribeAsync(InvoiceAccount account, LocalDate today, CancellationToken cancellationToken)
    {
        var disputed = false;
        if (dunning is not null && !account.Invoice.Document.Type.IsCreditNote())
        {
            var flags = await dunning.GetInvoiceAsync(account.Number, cancellationToken).ConfigureAwait(false);
            disputed = flags?.Disputed ?? false;
        }

        return new PortalDocument(account, PortalStatuses.Of(account, disputed, today), PortalStatuses.BalanceOf(account), disputed);
    }
}
