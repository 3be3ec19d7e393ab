namespace Invoicing.France;

/// <summary>
/// What the sender says about a flow it submits (XP Z12-013 <c>FlowInfo</c>). <see cref="TrackingId"/> is chosen by the
/// sender and searchable: it is what lets a sender that lost the platform's answer find the flow again instead of
/// sending it twice. The client adds the file's SHA-256, which the platform checks.
/// </summary>
/// <param name="Name">The file's name (1 to 255 characters).</param>
/// <param name="Syntax">The file's syntax.</param>
/// <param name="TrackingId">The sender's own id for the flow (at most 64 characters), or null.</param>
/// <param name="ProcessingRule">The kind of exchange, or null to let the platform compute it.</param>
/// <param name="Profile">The invoice profile, or null.</param>
public sealed record FlowInfo(
    string Name,
    FlowSyntax Syntax,
    string? TrackingId = null,
    ProcessingRule? ProcessingRule = null,
    FlowProfile? Profile = null);
