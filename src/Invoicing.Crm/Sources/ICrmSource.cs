namespace Invoicing.Crm;

/// <summary>
/// A CRM (or a file) read incrementally: its customers and its deals, each stream in pages that carry the cursor to
/// resume after them, so a sync that stops half-way resumes at the last page it finished instead of the start.
/// </summary>
/// <remarks>
/// A source returns the records modified at or after <see cref="CrmCursor.ModifiedSince"/> (inclusive: a record saved
/// in the same instant as the last one read is not lost; the sync's ledger skips what it already has), continuing its
/// own paging from <see cref="CrmCursor.Position"/> when one is given. Errors are <see cref="CrmException"/>s.
/// </remarks>
public interface ICrmSource
{
    /// <summary>The source's name (<c>hubspot</c>, <c>salesforce</c>, <c>zoho</c>, <c>csv</c>), the ledger's key with each record id.</summary>
    string Name { get; }

    /// <summary>Streams the customers modified since <paramref name="since"/> (all when null), a page at a time.</summary>
    /// <exception cref="CrmException">The source refused the credentials, answered something unreadable, or could not be reached.</exception>
    IAsyncEnumerable<CrmPage<CrmCustomer>> CustomersAsync(CrmCursor? since, CancellationToken cancellationToken = default);

    /// <summary>Streams the deals modified since <paramref name="since"/> (all when null), a page at a time, with their lines.</summary>
    /// <exception cref="CrmException">The source refused the credentials, answered something unreadable, or could not be reached.</exception>
    IAsyncEnumerable<CrmPage<CrmDeal>> DealsAsync(CrmCursor? since, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one customer by its CRM id, or null when the CRM has none: a deal changed since the last sync may belong
    /// to a customer that did not change.
    /// </summary>
    /// <exception cref="CrmException">The source refused the credentials, answered something unreadable, or could not be reached.</exception>
    Task<CrmCustomer?> GetCustomerAsync(string customerId, CancellationToken cancellationToken = default);
}
