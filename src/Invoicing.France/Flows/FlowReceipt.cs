using NodaTime;

namespace Invoicing.France;

/// <summary>The platform's answer to a submitted flow (XP Z12-013 <c>FullFlowInfo</c>): the flow is taken, checks follow.</summary>
/// <param name="FlowId">The platform's id of the flow.</param>
/// <param name="SubmittedAt">When the platform received it.</param>
/// <param name="TrackingId">The sender's id, echoed.</param>
public sealed record FlowReceipt(string FlowId, Instant SubmittedAt, string? TrackingId);
