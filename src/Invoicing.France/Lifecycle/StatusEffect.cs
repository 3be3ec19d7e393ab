namespace Invoicing.France;

/// <summary>What applying a received status did to the invoice.</summary>
public enum StatusEffect
{
    /// <summary>Recorded on the invoice only (deposited, received, approved, payment sent...).</summary>
    Recorded,

    /// <summary>Recorded, and a payment recorded against the invoice (212 "cashed").</summary>
    PaymentRecorded,

    /// <summary>Recorded, and the invoice's reminders paused as disputed (207 disputed, 208 suspended, 210 refused).</summary>
    RemindersPaused,

    /// <summary>Recorded: a platform rejected the invoice (213) or found it inadmissible (501); <see cref="AppliedStatus.Problem"/> names its reason.</summary>
    Rejected,

    /// <summary>Nothing changed: the store holds no issued invoice of that number, or the change was refused (see <see cref="AppliedStatus.Problem"/>).</summary>
    NotApplied,
}
