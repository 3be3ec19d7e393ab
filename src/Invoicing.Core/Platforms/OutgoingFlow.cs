using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// The record of one issued invoice sent to one platform: at most one per (invoice number, platform), so an invoice goes
/// out once per platform. <see cref="TrackingId"/> is our idempotency key, given to the platform with the flow, so a
/// sender that stopped between sending and recording finds the flow there instead of sending it again.
/// </summary>
public sealed record OutgoingFlow
{
    /// <summary>The number of the issued invoice (BT-1).</summary>
    public required string InvoiceNumber { get; init; }

    /// <summary>The platform's stable name in the host's configuration.</summary>
    public required string Platform { get; init; }

    /// <summary>Our id of the flow, sent with it and searchable on the platform; the same at every attempt.</summary>
    public required string TrackingId { get; init; }

    /// <summary>Where the invoice stands.</summary>
    public required OutgoingFlowState State { get; init; }

    /// <summary>The platform's id of the flow, once it took it.</summary>
    public string? FlowId { get; init; }

    /// <summary>The platform's reason for a rejection, or the last failure of a send to be retried; null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>The worker that holds or last held the claim.</summary>
    public required string WorkerId { get; init; }

    /// <summary>Until when the claim is held; after it another worker may take it over (and first looks for the flow on the platform).</summary>
    public required Instant LeaseExpiresAt { get; init; }

    /// <summary>How many times the invoice was claimed for sending (1 for the first).</summary>
    public required int Attempts { get; init; }

    /// <summary>When it was first claimed.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>When the platform took the flow.</summary>
    public Instant? SentAt { get; init; }

    /// <summary>When the platform's acceptance or rejection was recorded.</summary>
    public Instant? AcknowledgedAt { get; init; }
}
