using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// What a claim on an existing entry gives, as a pure function, so every journal implementation decides the same way
/// (SQL stores express the same rule in their conditional update).
/// </summary>
public static class ReminderClaimDecision
{
    /// <summary>The outcome of claiming <paramref name="existing"/> at <paramref name="now"/>.</summary>
    public static ReminderClaimOutcome Decide(ReminderEntry existing, Instant now)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return existing.State switch
        {
            ReminderState.Sent => ReminderClaimOutcome.AlreadySent,
            ReminderState.FailedPermanent => ReminderClaimOutcome.FailedPermanently,
            ReminderState.Claimed => existing.LeaseExpiresAt <= now ? ReminderClaimOutcome.TakenOver : ReminderClaimOutcome.HeldByAnotherWorker,
            ReminderState.FailedTransient => (existing.NextAttemptAt ?? now) <= now ? ReminderClaimOutcome.Retrying : ReminderClaimOutcome.WaitingForRetry,
            _ => throw new InvalidOperationException($"Unknown reminder state {existing.State}."),
        };
    }
}
