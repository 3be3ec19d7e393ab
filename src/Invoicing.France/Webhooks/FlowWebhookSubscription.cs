namespace Invoicing.France;

/// <summary>What to be told about, and where (XP Z12-013 <c>WebhookParams</c>).</summary>
/// <param name="CallbackUrl">The host's URL the platform POSTs each flow event to.</param>
public sealed record FlowWebhookSubscription(Uri CallbackUrl)
{
    /// <summary>Only flows of these kinds; empty for all.</summary>
    public IReadOnlyList<FlowType> Types { get; init; } = [];

    /// <summary>Only flows of this direction, or null for both.</summary>
    public FlowDirection? Direction { get; init; }

    /// <summary>Only flows with this acknowledgement, or null for any.</summary>
    public FlowAckStatus? AckStatus { get; init; }
}
