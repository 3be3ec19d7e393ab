namespace Invoicing.Dunning;

/// <summary>How insistent a reminder is.</summary>
public enum ReminderLevel
{
    /// <summary>A courtesy reminder, before or just after the due date.</summary>
    Friendly,

    /// <summary>A firm reminder: the invoice is late.</summary>
    Firm,

    /// <summary>A formal notice (mise en demeure): the last step before collection.</summary>
    FormalNotice,
}
