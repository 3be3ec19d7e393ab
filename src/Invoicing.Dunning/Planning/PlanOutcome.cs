namespace Invoicing.Dunning;

/// <summary>Why the planner did or did not plan a reminder for an invoice.</summary>
public enum PlanOutcome
{
    /// <summary>A reminder is due now.</summary>
    Due,

    /// <summary>Paid or fully credited (or a credit note): dunning stops.</summary>
    Settled,

    /// <summary>The customer opted out of reminders.</summary>
    OptedOut,

    /// <summary>The invoice is disputed.</summary>
    Disputed,

    /// <summary>Reminders are paused until a later day.</summary>
    Paused,

    /// <summary>Today is not a sending day in the customer's time zone (weekend, public holiday).</summary>
    NotSendingDay,

    /// <summary>No step has come yet.</summary>
    NothingDue,

    /// <summary>The latest due step (or a later one) is already in the journal.</summary>
    AlreadyJournaled,
}

/// <summary>The planner's decision for one invoice.</summary>
/// <param name="Outcome">Due, or why not.</param>
/// <param name="Reminder">The reminder when <paramref name="Outcome"/> is <see cref="PlanOutcome.Due"/>.</param>
public sealed record PlanDecision(PlanOutcome Outcome, PlannedReminder? Reminder = null);
