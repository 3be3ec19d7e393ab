using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// The outbox of invoice events kept by a store, and the per-handler cursors of their delivery. The store records
/// issued, paid, partly paid, credited and written-off events itself, in the transaction of the change; this interface
/// records the events no stored change implies (sent, viewed, overdue), reads the outbox in order, and leases each
/// handler's cursor so that of several host instances one at a time delivers to a given handler.
/// </summary>
/// <remarks>
/// Every implementation (in-memory, SQLite, PostgreSQL) passes the same conformance suite. Positions increase in
/// commit order: a reader that has seen position p never later finds a new event at or below p.
/// </remarks>
public interface IInvoiceEventStore
{
    /// <summary>Events after <paramref name="afterPosition"/>, in position order, at most <paramref name="maxCount"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterPosition"/> is negative or <paramref name="maxCount"/> not positive.</exception>
    Task<IReadOnlyList<InvoiceEvent>> ReadEventsAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Records that an invoice was sent to its customer (by the host's mail, post, a platform) and returns the event.</summary>
    /// <param name="invoiceNumber">The issued invoice or credit note.</param>
    /// <param name="sentAt">When it was sent.</param>
    /// <param name="channel">How, in a few words (<c>email</c>, <c>post</c>, <c>peppol</c>); optional, at most 200 characters.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="InvoiceValidationException">INV-EVENT-INVOICE-UNKNOWN, INV-EVENT-DETAIL.</exception>
    Task<InvoiceEvent> RecordSentAsync(string invoiceNumber, Instant sentAt, string? channel = null, CancellationToken cancellationToken = default);

    /// <summary>Records that the customer viewed an invoice (a portal reports it) and returns the event.</summary>
    /// <param name="invoiceNumber">The issued invoice or credit note.</param>
    /// <param name="viewedAt">When it was viewed.</param>
    /// <param name="source">Where, in a few words (<c>portal</c>); optional, at most 200 characters.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="InvoiceValidationException">INV-EVENT-INVOICE-UNKNOWN, INV-EVENT-DETAIL.</exception>
    Task<InvoiceEvent> RecordViewedAsync(string invoiceNumber, Instant viewedAt, string? source = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a lifecycle status an e-invoicing platform reported about an issued invoice and returns the event; null,
    /// with nothing recorded, when an event with the notice's id is already in the outbox (the same status received again).
    /// </summary>
    /// <exception cref="InvoiceValidationException">INV-EVENT-INVOICE-UNKNOWN, INV-EVENT-DETAIL.</exception>
    Task<InvoiceEvent?> RecordPlatformStatusAsync(string invoiceNumber, PlatformStatusNotice notice, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an overdue event for every open invoice whose due date is before <paramref name="today"/> and that has
    /// none yet: once per invoice, whoever runs the scan and however often. Returns how many were recorded.
    /// </summary>
    Task<int> RecordOverdueAsync(LocalDate today, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases a handler's cursor to <paramref name="workerId"/> until <paramref name="leaseUntil"/> and returns its position
    /// (0 for a new handler: every event is after it). Null, with no change, when another worker holds an unexpired lease.
    /// The same worker may renew its own lease.
    /// </summary>
    /// <exception cref="InvoiceValidationException">INV-EVENT-HANDLER, INV-EVENT-WORKER: blank or longer than 200 characters.</exception>
    Task<long?> TryLeaseCursorAsync(string handlerName, string workerId, Instant now, Instant leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a handler's cursor to <paramref name="position"/> (never backwards). False, with no change, when
    /// <paramref name="workerId"/> does not hold the lease (it expired and another worker took it).
    /// </summary>
    Task<bool> AdvanceCursorAsync(string handlerName, string workerId, long position, CancellationToken cancellationToken = default);

    /// <summary>Ends <paramref name="workerId"/>'s lease of a handler's cursor, so another worker may take it at once.</summary>
    Task ReleaseCursorAsync(string handlerName, string workerId, CancellationToken cancellationToken = default);

    /// <summary>A handler's cursor position: the last event delivered to it; 0 when it has none.</summary>
    Task<long> GetCursorAsync(string handlerName, CancellationToken cancellationToken = default);
}
