namespace Invoicing.Core;

/// <summary>
/// The ledger of a CRM sync, beside the invoice store whose drafts it creates: per source the cursors where the next
/// run resumes, and per (source, CRM record id) the version synced and the draft it became. Every implementation
/// (in-memory, SQLite, PostgreSQL) passes one conformance suite.
/// </summary>
/// <remarks>
/// Exactly once per record: <see cref="ApplyAsync"/> decides with <see cref="CrmSyncRules.Decide"/> and writes the
/// ledger row and the draft (whose id is derived from source and record id) in one transaction, so a sync that stops
/// anywhere, or runs twice, or on two hosts at once, leaves one draft per record. The invoice store's issue deletes the
/// draft in the issuing transaction: a drafted record whose draft is gone was invoiced, and a new version of it is
/// reported, never drafted again.
/// </remarks>
public interface ICrmSyncStore
{
    /// <summary>Applies one record's version in one transaction and says what it did.</summary>
    /// <exception cref="InvoiceStoreException">The store cannot be read or written; nothing changed.</exception>
    Task<CrmSyncOutcome> ApplyAsync(CrmSyncChange change, CancellationToken cancellationToken = default);

    /// <summary>The ledger row of a record, or null when the record was never synced.</summary>
    Task<CrmSyncRecord?> GetAsync(string source, string recordId, CancellationToken cancellationToken = default);

    /// <summary>Streams the ledger rows of a source, by record id (ordinal).</summary>
    IAsyncEnumerable<CrmSyncRecord> ListAsync(string source, CancellationToken cancellationToken = default);

    /// <summary>The cursor stored for a source's stream (<c>customers</c>, <c>deals</c>), or null before the first run.</summary>
    Task<string?> GetCursorAsync(string source, string stream, CancellationToken cancellationToken = default);

    /// <summary>Stores a stream's cursor, replacing the one before.</summary>
    /// <exception cref="InvoiceValidationException">CRM-SYNC-SOURCE, CRM-SYNC-STREAM or CRM-SYNC-CURSOR: blank, too long or with control characters.</exception>
    Task SaveCursorAsync(string source, string stream, string cursor, CancellationToken cancellationToken = default);

    /// <summary>Forgets a source's cursors, so its next run reads every record again (the ledger still prevents duplicates).</summary>
    Task ResetCursorsAsync(string source, CancellationToken cancellationToken = default);
}
