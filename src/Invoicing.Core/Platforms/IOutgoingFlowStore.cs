using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// The record of issued invoices sent to e-invoicing platforms, one per (invoice number, platform): the outbox of a
/// platform sender. A worker claims the invoice with a lease before sending, so the intent is stored before the flow
/// leaves, then records it sent, failed (to retry) or, later, acknowledged or rejected. Every implementation
/// (in-memory, SQLite, PostgreSQL) makes <see cref="TryClaimAsync"/> atomic: of several workers claiming one invoice
/// for one platform at once, exactly one owns it.
/// </summary>
/// <remarks>
/// Rules every implementation follows: a new (invoice, platform) is inserted as <see cref="OutgoingFlowState.Sending"/>
/// with one attempt and the request's tracking id; a <see cref="OutgoingFlowState.Sending"/> record whose lease ended at
/// or before the claim's time is taken over (worker and lease replaced, attempts + 1, tracking id kept); anything else
/// is refused without change. The recording methods change a record only from the state they expect (and, for a
/// send, only for the worker holding it), so a late or repeated call changes nothing.
/// </remarks>
public interface IOutgoingFlowStore
{
    /// <summary>Claims an invoice for sending to a platform. Atomic: of concurrent claims, one at most is owned.</summary>
    /// <exception cref="InvoiceValidationException">The request is not valid (rules FLOW-01 to FLOW-05); nothing is stored.</exception>
    Task<OutgoingFlowClaim> TryClaimAsync(OutgoingFlowClaimRequest request, CancellationToken cancellationToken = default);

    /// <summary>Records that the platform took the flow. True when the record was <see cref="OutgoingFlowState.Sending"/> and held by <paramref name="workerId"/>.</summary>
    Task<bool> MarkSentAsync(string invoiceNumber, string platform, string workerId, string flowId, Instant sentAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed send to retry: the record stays <see cref="OutgoingFlowState.Sending"/> with the reason, and its
    /// lease ends at <paramref name="retryAt"/>, when a claim takes it over. True when it was held by <paramref name="workerId"/>.
    /// </summary>
    Task<bool> MarkFailedAsync(string invoiceNumber, string platform, string workerId, string reason, Instant retryAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the platform's verdict: <see cref="OutgoingFlowState.Acknowledged"/> (from sent) or
    /// <see cref="OutgoingFlowState.Rejected"/> with the platform's reason (from any other state: the platform may refuse
    /// the submission itself, or its checks or the buyer's platform may reject a flow it took). True when the record changed.
    /// </summary>
    Task<bool> RecordAcknowledgementAsync(string invoiceNumber, string platform, bool accepted, string? reason, Instant at, CancellationToken cancellationToken = default);

    /// <summary>The record of an invoice for a platform, or null when it was never claimed for it.</summary>
    Task<OutgoingFlow?> GetAsync(string invoiceNumber, string platform, CancellationToken cancellationToken = default);

    /// <summary>Every record of an invoice (one per platform), in no particular order.</summary>
    Task<IReadOnlyList<OutgoingFlow>> ListByInvoiceAsync(string invoiceNumber, CancellationToken cancellationToken = default);

    /// <summary>The records of a platform in a state (for example the sent ones waiting for the platform's verdict), oldest first.</summary>
    Task<IReadOnlyList<OutgoingFlow>> ListAsync(string platform, OutgoingFlowState state, CancellationToken cancellationToken = default);
}
