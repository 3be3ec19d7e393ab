using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// One period of a recurring schedule: the days billed (<see cref="Start"/> to <see cref="End"/>, both included) within
/// the full period between two anchors (<see cref="FullStart"/> to <see cref="FullEnd"/>). They differ for a partial
/// first or last period, which is prorated by days.
/// </summary>
/// <param name="Start">First day billed (BT-134).</param>
/// <param name="End">Last day billed (BT-135).</param>
/// <param name="FullStart">First day of the full period (an anchor date).</param>
/// <param name="FullEnd">Last day of the full period (the day before the next anchor).</param>
public readonly record struct BillingPeriod(LocalDate Start, LocalDate End, LocalDate FullStart, LocalDate FullEnd)
{
    /// <summary>Days billed.</summary>
    public int Days => Period.DaysBetween(Start, End) + 1;

    /// <summary>Days of the full period.</summary>
    public int FullDays => Period.DaysBetween(FullStart, FullEnd) + 1;

    /// <summary>Whether fewer days are billed than the full period has.</summary>
    public bool IsPartial => Days < FullDays;
}
