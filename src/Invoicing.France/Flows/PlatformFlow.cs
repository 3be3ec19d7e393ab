using NodaTime;

namespace Invoicing.France;

/// <summary>A flow as the platform knows it (XP Z12-013 <c>Flow</c>): its ids, what it is and the platform's acknowledgement.</summary>
/// <param name="FlowId">The platform's id of the flow.</param>
/// <param name="TrackingId">The sender's id, when it gave one.</param>
/// <param name="Name">The file's name.</param>
/// <param name="Syntax">The file's syntax.</param>
/// <param name="Profile">The invoice profile.</param>
/// <param name="ProcessingRule">The kind of exchange.</param>
/// <param name="Type">What the flow carries.</param>
/// <param name="Direction">Sent or received.</param>
/// <param name="SubmittedAt">When the platform received it.</param>
/// <param name="UpdatedAt">When the platform last changed it.</param>
/// <param name="AckStatus">The platform's acknowledgement.</param>
/// <param name="Details">The reasons given with the acknowledgement (empty when none).</param>
public sealed record PlatformFlow(
    string FlowId,
    string? TrackingId,
    string Name,
    FlowSyntax Syntax,
    FlowProfile Profile,
    ProcessingRule ProcessingRule,
    FlowType Type,
    FlowDirection Direction,
    Instant SubmittedAt,
    Instant UpdatedAt,
    FlowAckStatus AckStatus,
    IReadOnlyList<FlowAcknowledgementDetail> Details)
{
    /// <summary>The reasons of the platform's errors, joined for a person to read; empty when there are none.</summary>
    public string ErrorReasons => string.Join("; ", Details.Where(d => d.IsError).Select(d => $"{d.ReasonCode}: {d.ReasonMessage}"));
}
