using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// The rules of a claim on an outgoing flow (pure), shared by every <see cref="IOutgoingFlowStore"/> implementation,
/// which applies them inside its own transaction.
/// </summary>
public static class OutgoingFlowClaimDecision
{
    /// <summary>What a claim at <paramref name="now"/> on an existing record gives.</summary>
    public static OutgoingFlowClaimOutcome Decide(OutgoingFlow existing, Instant now) => existing?.State switch
    {
        OutgoingFlowState.Sent or OutgoingFlowState.Acknowledged => OutgoingFlowClaimOutcome.AlreadySent,
        OutgoingFlowState.Rejected => OutgoingFlowClaimOutcome.Rejected,
        null => throw new ArgumentNullException(nameof(existing)),
        _ when existing.LeaseExpiresAt <= now => OutgoingFlowClaimOutcome.TakenOver,
        _ => OutgoingFlowClaimOutcome.HeldByAnotherWorker,
    };

    /// <summary>The record after a first claim.</summary>
    public static OutgoingFlow Created(OutgoingFlowClaimRequest request) => request is null ? throw new ArgumentNullException(nameof(request)) : new()
    {
        InvoiceNumber = request.InvoiceNumber,
        Platform = request.Platform,
        TrackingId = request.TrackingId,
        State = OutgoingFlowState.Sending,
        WorkerId = request.WorkerId,
        LeaseExpiresAt = request.LeaseExpiresAt,
        Attempts = 1,
        CreatedAt = request.Now,
    };

    /// <summary>The record after a take-over: new worker and lease, one more attempt, the tracking id and the last failure kept.</summary>
    public static OutgoingFlow TakenOver(OutgoingFlow existing, OutgoingFlowClaimRequest request) => existing is null || request is null ? throw new ArgumentNullException(existing is null ? nameof(existing) : nameof(request)) : existing with
    {
        WorkerId = request.WorkerId,
        LeaseExpiresAt = request.LeaseExpiresAt,
        Attempts = checked(existing.Attempts + 1),
    };

    /// <summary>
    /// The error for a first claim whose tracking id another invoice already uses on the platform: two invoices must
    /// never share one, or a search by it would find the other's flow (rule FLOW-06).
    /// </summary>
    public static InvoiceValidationException TrackingIdTaken(OutgoingFlowClaimRequest request) =>
        new(ValidationIssue.Error("FLOW-06", "trackingId", $"The tracking id '{request?.TrackingId}' is already used by another invoice on the platform '{request?.Platform}'."));
}
