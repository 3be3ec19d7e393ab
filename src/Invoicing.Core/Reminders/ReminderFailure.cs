using NodaTime;

namespace Invoicing.Core;

/// <summary>Why a send failed, and whether to try again.</summary>
/// <param name="Permanent">True when retrying cannot help (5xx, no address): the entry is never retried.</param>
/// <param name="Reason">What went wrong, for people.</param>
/// <param name="At">When it failed.</param>
/// <param name="RetryAt">For a transient failure, the earliest next attempt; <paramref name="At"/> when null.</param>
public sealed record ReminderFailure(bool Permanent, string Reason, Instant At, Instant? RetryAt = null);
