using Invoicing.Core;
using NodaTime;

namespace Invoicing.Dunning;

/// <summary>A reminder the planner says is due now.</summary>
public sealed record PlannedReminder
{
    /// <summary>The invoice and step.</summary>
    public required ReminderKey Key { get; init; }

    /// <summary>The invoice's account as planned (its balance is the amount reminded).</summary>
    public required InvoiceAccount Account { get; init; }

    /// <summary>The policy the step belongs to.</summary>
    public required DunningPolicy Policy { get; init; }

    /// <summary>The step.</summary>
    public required ReminderStep Step { get; init; }

    /// <summary>The step's calendar date (due date + offset).</summary>
    public required LocalDate ScheduledFor { get; init; }

    /// <summary>The day it is planned to go out, in the customer's time zone (on or after <see cref="ScheduledFor"/>).</summary>
    public required LocalDate PlannedFor { get; init; }

    /// <summary>The amount still due (partial payments and credits deducted).</summary>
    public decimal AmountDue => Account.Balance;

    /// <summary>The customer's settings, or null.</summary>
    public DunningCustomerSettings? Customer { get; init; }
}
