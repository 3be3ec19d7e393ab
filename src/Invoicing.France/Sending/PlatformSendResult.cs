using Invoicing.Core;

namespace Invoicing.France;

/// <summary>What a send did.</summary>
public enum PlatformSendOutcome
{
    /// <summary>The flow was submitted now and the platform took it.</summary>
    Sent,

    /// <summary>An earlier attempt had submitted it without recording it: it was found on the platform by its tracking id and recorded, not sent again.</summary>
    FoundOnPlatform,

    /// <summary>It had gone out before: nothing was sent.</summary>
    AlreadySent,

    /// <summary>Another worker is sending it now: nothing was sent.</summary>
    InProgressElsewhere,
}

/// <summary>The outcome of <see cref="IFrenchPlatformSender.SendAsync"/> and the record after it.</summary>
/// <param name="Outcome">What the send did.</param>
/// <param name="Flow">The record of the invoice for the platform.</param>
public sealed record PlatformSendResult(PlatformSendOutcome Outcome, OutgoingFlow Flow);
