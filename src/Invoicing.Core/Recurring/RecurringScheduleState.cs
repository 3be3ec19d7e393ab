using NodaTime;

namespace Invoicing.Core;

/// <summary>A stored schedule with where it stands: paused or not, billed through which day, due next when.</summary>
public sealed record RecurringScheduleState
{
    /// <summary>The schedule as last saved.</summary>
    public required RecurringSchedule Schedule { get; init; }

    /// <summary>When it was paused; null when it runs. A paused schedule issues nothing.</summary>
    public Instant? PausedAt { get; init; }

    /// <summary>
    /// Periods falling due before this day are not invoiced (set on resume, for a hold during which nothing was served);
    /// null when every period is invoiced.
    /// </summary>
    public LocalDate? BillFrom { get; init; }

    /// <summary>The last day of the last period claimed for an invoice; null before the first.</summary>
    public LocalDate? BilledThrough { get; init; }

    /// <summary>When the next period falls due; null when the schedule has ended (end date or count reached).</summary>
    public Instant? NextDueAt { get; init; }

    /// <summary>Whether the schedule is paused.</summary>
    public bool IsPaused => PausedAt is not null;
}
