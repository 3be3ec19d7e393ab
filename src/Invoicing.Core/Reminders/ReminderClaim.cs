namespace Invoicing.Core;

/// <summary>What a claim attempt gave.</summary>
public enum ReminderClaimOutcome
{
    /// <summary>New entry: the caller owns it and sends it.</summary>
    Claimed,

    /// <summary>
    /// An earlier claim expired without confirmation (the worker crashed or was stopped, maybe after sending):
    /// the caller owns it now and sends it again with the entry's Message-ID, unless the transport can tell it was delivered.
    /// </summary>
    TakenOver,

    /// <summary>A transient failure's retry time has come: the caller owns it and retries with the entry's Message-ID.</summary>
    Retrying,

    /// <summary>Already sent: nothing to do.</summary>
    AlreadySent,

    /// <summary>Failed for good: nothing to do.</summary>
    FailedPermanently,

    /// <summary>Another worker holds a live lease on it.</summary>
    HeldByAnotherWorker,

    /// <summary>Failed transiently and its retry time has not come.</summary>
    WaitingForRetry,
}

/// <summary>The answer to a claim: the outcome and the entry as it stands after the attempt.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Entry">The journal entry after the attempt.</param>
public sealed record ReminderClaim(ReminderClaimOutcome Outcome, ReminderEntry Entry)
{
    /// <summary>Whether the caller now owns the entry and must send it, then confirm or fail it.</summary>
    public bool IsOwned => Outcome is ReminderClaimOutcome.Claimed or ReminderClaimOutcome.TakenOver or ReminderClaimOutcome.Retrying;
}
