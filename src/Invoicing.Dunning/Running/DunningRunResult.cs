namespace Invoicing.Dunning;

/// <summary>What one run did.</summary>
public sealed record DunningRunResult
{
    /// <summary>Reminders the planner found due (before claiming).</summary>
    public int Planned { get; init; }

    /// <summary>Reminders sent and journaled.</summary>
    public int Sent { get; init; }

    /// <summary>Due reminders another worker had already claimed or sent.</summary>
    public int ClaimedElsewhere { get; init; }

    /// <summary>Unconfirmed or failed entries taken up again (resent with their Message-ID, or confirmed).</summary>
    public int Resumed { get; init; }

    /// <summary>Taken-over entries the transport confirmed delivered, journaled without a resend.</summary>
    public int ConfirmedWithoutResend { get; init; }

    /// <summary>Attempts that failed and will be retried.</summary>
    public int TransientFailures { get; init; }

    /// <summary>Attempts that failed for good.</summary>
    public int PermanentFailures { get; init; }
}
