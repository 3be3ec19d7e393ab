namespace Invoicing.Core;

/// <summary>What a claim to send an invoice to a platform gave.</summary>
public enum OutgoingFlowClaimOutcome
{
    /// <summary>First claim: the caller owns it and sends.</summary>
    Claimed,

    /// <summary>
    /// An earlier attempt did not finish (the worker stopped, maybe after the platform took the flow, or the send
    /// failed and its retry time has come): the caller owns it and first looks for the flow on the platform by
    /// <see cref="OutgoingFlow.TrackingId"/>, sending only when it is not there.
    /// </summary>
    TakenOver,

    /// <summary>Another worker holds the claim: nothing to do now.</summary>
    HeldByAnotherWorker,

    /// <summary>Already sent (or acknowledged): nothing to do.</summary>
    AlreadySent,

    /// <summary>The platform rejected it: it is never sent again; the correction is a credit note and a new invoice.</summary>
    Rejected,
}

/// <summary>The outcome of a claim and the record as it stands after it.</summary>
/// <param name="Outcome">What the claim gave.</param>
/// <param name="Flow">The record after the claim.</param>
public sealed record OutgoingFlowClaim(OutgoingFlowClaimOutcome Outcome, OutgoingFlow Flow)
{
    /// <summary>True when the caller owns the claim and must send (or find) the flow.</summary>
    public bool IsOwned => Outcome is OutgoingFlowClaimOutcome.Claimed or OutgoingFlowClaimOutcome.TakenOver;
}
