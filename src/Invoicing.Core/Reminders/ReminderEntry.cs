using NodaTime;

namespace Invoicing.Core;

/// <summary>One line of the reminder journal: what happened to one (invoice, step).</summary>
public sealed record ReminderEntry
{
    /// <summary>The invoice and the step.</summary>
    public required ReminderKey Key { get; init; }

    /// <summary>Where the reminder stands.</summary>
    public required ReminderState State { get; init; }

    /// <summary>
    /// The Message-ID of the mail, fixed at the first claim and kept across every retry and take-over, so a
    /// receiver can recognise a resend after a crash as the same message.
    /// </summary>
    public required string MessageId { get; init; }

    /// <summary>The day the planner scheduled it for (in the customer's time zone).</summary>
    public required LocalDate PlannedFor { get; init; }

    /// <summary>The worker that holds (or last held) the claim.</summary>
    public required string WorkerId { get; init; }

    /// <summary>Until when the claim holds; after it, another worker may take over an unconfirmed entry.</summary>
    public required Instant LeaseExpiresAt { get; init; }

    /// <summary>How many times it has been claimed for sending (1 after the first claim).</summary>
    public required int Attempts { get; init; }

    /// <summary>When it was first claimed.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>When it was confirmed sent; null until then.</summary>
    public Instant? SentAt { get; init; }

    /// <summary>For a transient failure, the earliest moment it may be claimed again.</summary>
    public Instant? NextAttemptAt { get; init; }

    /// <summary>The last error, when an attempt failed.</summary>
    public string? LastError { get; init; }
}
