using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// Where the invoices received from suppliers are kept, keyed by the platform's flow id. Every implementation
/// (in-memory, SQLite, PostgreSQL) passes the same conformance suite.
/// </summary>
public interface IReceivedDocumentStore
{
    /// <summary>
    /// Stores a received document; false, with nothing changed, when a document of the same flow id is already stored
    /// (the flow was fetched twice).
    /// </summary>
    /// <exception cref="InvoiceValidationException">RCV-FLOW-ID, RCV-SYNTAX, RCV-FILE-NAME, RCV-CONTENT, RCV-STATUS.</exception>
    Task<bool> AddAsync(ReceivedDocument document, CancellationToken cancellationToken = default);

    /// <summary>The document of a flow, or null.</summary>
    Task<ReceivedDocument?> GetAsync(string flowId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The documents in the order they were received (then by flow id), at most <paramref name="maxCount"/>; only those
    /// whose buyer status is not sent yet when <paramref name="awaitingStatusOnly"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is not positive.</exception>
    Task<IReadOnlyList<ReceivedDocument>> ListAsync(bool awaitingStatusOnly = false, int maxCount = 1000, CancellationToken cancellationToken = default);

    /// <summary>Records the status the buyer sent back about a document (replacing an earlier one); false when no document has that flow id.</summary>
    /// <exception cref="InvoiceValidationException">RCV-STATUS: a blank or over-long code.</exception>
    Task<bool> RecordBuyerStatusAsync(string flowId, string status, Instant sentAt, CancellationToken cancellationToken = default);
}
