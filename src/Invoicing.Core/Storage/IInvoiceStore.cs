namespace Invoicing.Core;

/// <summary>
/// Where drafts, issued documents and payments live. Every implementation (in-memory, SQLite, PostgreSQL)
/// passes the same conformance suite: numbering without gap or duplicate under concurrency and after a crash,
/// issued documents immutable, a failed operation leaves the data as it was.
/// </summary>
public interface IInvoiceStore
{
    /// <summary>Saves a draft, new when <paramref name="id"/> is null, replacing the draft of that id otherwise.</summary>
    Task<DraftId> SaveDraftAsync(Invoice draft, DraftId? id = null, CancellationToken cancellationToken = default);

    /// <summary>Returns a draft, or null when there is none with that id.</summary>
    Task<Invoice?> GetDraftAsync(DraftId id, CancellationToken cancellationToken = default);

    /// <summary>Deletes a draft; false when there was none.</summary>
    Task<bool> DeleteDraftAsync(DraftId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: draws the next number of the series, stores the frozen document with its totals,
    /// appends it to the hash chain and deletes the draft it came from. A failure consumes no number.
    /// </summary>
    /// <exception cref="InvoiceValidationException">The document already has a number, cannot be computed, or is dated before the series' last document.</exception>
    Task<IssuedInvoice> IssueAsync(IssueRequest request, CancellationToken cancellationToken = default);

    /// <summary>Returns an issued document by number, or null.</summary>
    Task<IssuedInvoice?> GetAsync(string number, CancellationToken cancellationToken = default);

    /// <summary>Returns an issued document with its payments and credits, or null.</summary>
    Task<InvoiceAccount?> GetAccountAsync(string number, CancellationToken cancellationToken = default);

    /// <summary>Streams the accounts matching <paramref name="query"/>, ordered by due date then number.</summary>
    IAsyncEnumerable<InvoiceAccount> QueryAsync(InvoiceQuery query, CancellationToken cancellationToken = default);

    /// <summary>Records a payment and returns the account after it.</summary>
    /// <exception cref="InvoiceValidationException">Unknown invoice, amount not positive or above the balance, or a payment id already recorded.</exception>
    Task<InvoiceAccount> RecordPaymentAsync(Payment payment, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes off the remaining balance of an invoice (see <see cref="InvoiceLifecycle.CheckWriteOff"/>) and returns the
    /// account after it: balance zero, status <see cref="InvoiceStatus.WrittenOff"/>, no longer open.
    /// </summary>
    /// <exception cref="InvoiceValidationException">Unknown invoice, a credit note, already written off, paid or credited, no reason, dated before issue.</exception>
    Task<InvoiceAccount> WriteOffAsync(WriteOff writeOff, CancellationToken cancellationToken = default);

    /// <summary>Walks the hash chain of every issued document and reports the first broken link.</summary>
    Task<ArchiveVerification> VerifyArchiveAsync(CancellationToken cancellationToken = default);
}
