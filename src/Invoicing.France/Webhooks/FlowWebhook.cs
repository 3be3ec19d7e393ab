using NodaTime;

namespace Invoicing.France;

/// <summary>A webhook registered on the platform (XP Z12-013 <c>Webhook</c>).</summary>
/// <param name="Id">The platform's id of the webhook.</param>
/// <param name="CallbackUrl">The URL notified, when the platform gives it.</param>
/// <param name="SigningKey">
/// The key that signs each notification (base64), given once, when the webhook is created: keep it, it is what
/// <see cref="FlowWebhookSignature.Verify"/> needs. Null in a listing.
/// </param>
/// <param name="CreatedAt">When it was created, when the platform gives it.</param>
public sealed record FlowWebhook(Guid Id, Uri? CallbackUrl, string? SigningKey, Instant? CreatedAt);
