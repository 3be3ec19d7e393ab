using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// The pure calendar of recurring schedules: anchors, periods, which periods are due on a day and when the next one
/// falls due. No clock and no I/O; the runner and the stores call it with what they read.
/// </summary>
/// <remarks>
/// Anchors are numbered by an ordinal: <see cref="AnchorAt"/> gives the date of an ordinal and <see cref="Ordinal"/> the
/// ordinal of the last anchor on or before a date. Period <c>i</c> (from 0) runs from anchor <c>o + i</c> to the day
/// before anchor <c>o + i + 1</c>, where <c>o</c> is the ordinal of the start date; the first period begins on the start
/// date itself and the last ends on the end date, which makes them partial when those are not anchors. Both directions
/// are arithmetic, so a schedule billed for decades costs no more to plan than a new one.
/// </remarks>
internal static class RecurringCalendar
{
    /// <summary>The period with index <paramref name="index"/> (from 0), or null past the end date or the count.</summary>
    public static BillingPeriod? PeriodAt(RecurringSchedule schedule, long index)
    {
        if (index < 0 || (schedule.Count is { } count && index >= count))
        {
            return null;
        }

        var origin = Ordinal(schedule, schedule.Start);
        var fullStart = AnchorAt(schedule, origin + index);
        var fullEnd = AnchorAt(schedule, origin + index + 1).PlusDays(-1);
        var start = index == 0 ? schedule.Start : fullStart;
        if (schedule.End is { } last && start > last)
        {
            return null;
        }

        var end = schedule.End is { } stop && stop < fullEnd ? stop : fullEnd;
        return new BillingPeriod(start, end, fullStart, fullEnd);
    }

    /// <summary>
    /// The first period not yet billed: the one after <paramref name="billedThrough"/>, starting the day after it when that
    /// day is inside a period (a schedule whose rhythm was changed after billing resumes where billing stopped, prorated).
    /// </summary>
    public static BillingPeriod? FirstUnbilled(RecurringSchedule schedule, LocalDate? billedThrough, out long index)
    {
        if (billedThrough is not { } through || through < schedule.Start)
        {
            index = 0;
            return PeriodAt(schedule, 0);
        }

        var next = through.PlusDays(1);
        index = Ordinal(schedule, next) - Ordinal(schedule, schedule.Start);
        if (PeriodAt(schedule, index) is not { } period)
        {
            return null;
        }

        if (next > period.End)
        {
            // Billed through the end date, which cut this period short: nothing is left of it.
            return PeriodAt(schedule, ++index);
        }

        return period with { Start = period.Start > next ? period.Start : next };
    }

    /// <summary>A ledger row's days as a period again: the full period is the one of the current rhythm that holds its first day.</summary>
    public static BillingPeriod Rebuild(RecurringSchedule schedule, LocalDate start, LocalDate end)
    {
        var ordinal = Ordinal(schedule, start);
        return new BillingPeriod(start, end, AnchorAt(schedule, ordinal), AnchorAt(schedule, ordinal + 1).PlusDays(-1));
    }

    /// <summary>
    /// The periods after <paramref name="billedThrough"/> that have fallen due on <paramref name="today"/> (the customer's
    /// local date), oldest first, at most <paramref name="max"/>. Periods due before <paramref name="billFrom"/> are left out.
    /// </summary>
    public static List<BillingPeriod> Due(RecurringSchedule schedule, LocalDate? billedThrough, LocalDate? billFrom, LocalDate today, int max)
    {
        var due = new List<BillingPeriod>();
        var period = FirstUnbilled(schedule, billedThrough, out var index);
        while (period is { } current && due.Count < max)
        {
            var issueOn = IssueOn(schedule, current);
            if (issueOn > today)
            {
                break;
            }

            if (billFrom is not { } from || issueOn >= from)
            {
                due.Add(current);
            }

            period = PeriodAt(schedule, ++index);
        }

        return due;
    }

    /// <summary>The day the next unbilled period falls due (skipping those due before <paramref name="billFrom"/>); null when the schedule has ended.</summary>
    public static LocalDate? NextIssueOn(RecurringSchedule schedule, LocalDate? billedThrough, LocalDate? billFrom)
    {
        var period = FirstUnbilled(schedule, billedThrough, out var index);
        if (period is { } first && billFrom is { } from && IssueOn(schedule, first) < from)
        {
            // Jump near the first period due on or after billFrom, then walk: a long hold costs no loop over its periods.
            var origin = Ordinal(schedule, schedule.Start);
            index = Math.Max(index + 1, Ordinal(schedule, from) - origin - 1);
            period = PeriodAt(schedule, index);
            while (period is { } candidate && IssueOn(schedule, candidate) < from)
            {
                period = PeriodAt(schedule, ++index);
            }
        }

        return period is { } found ? IssueOn(schedule, found) : null;
    }

    /// <summary>The local day a period falls due on: its first day in advance, its last day in arrears.</summary>
    public static LocalDate IssueOn(RecurringSchedule schedule, BillingPeriod period) =>
        schedule.Timing == BillingTiming.InArrears ? period.End : period.Start;

    /// <summary>
    /// The instant a day begins in the customer's zone: midnight, or the first instant after it when a daylight-saving
    /// change skips midnight (as in Santiago or Beirut).
    /// </summary>
    public static Instant StartOfDay(DateTimeZone zone, LocalDate date) => zone.AtStartOfDay(date).ToInstant();

    /// <summary>The date of anchor <paramref name="ordinal"/>.</summary>
    public static LocalDate AnchorAt(RecurringSchedule schedule, long ordinal)
    {
        var recurrence = schedule.Recurrence;
        if (recurrence.Frequency == RecurrenceFrequency.Weekly)
        {
            return schedule.Start.PlusDays(checked((int)(ordinal * 7 * recurrence.Weeks)));
        }

        var (offset, step) = MonthGrid(recurrence);
        var month = offset + (ordinal * step);
        var year = checked((int)FloorDiv(month, 12));
        var monthOfYear = (int)(month - (year * 12L)) + 1;
        return new LocalDate(year, monthOfYear, Math.Min(recurrence.DayOfMonth, CalendarSystem.Iso.GetDaysInMonth(year, monthOfYear)));
    }

    /// <summary>The ordinal of the last anchor on or before <paramref name="date"/>.</summary>
    public static long Ordinal(RecurringSchedule schedule, LocalDate date)
    {
        var recurrence = schedule.Recurrence;
        if (recurrence.Frequency == RecurrenceFrequency.Weekly)
        {
            return FloorDiv(Period.DaysBetween(schedule.Start, date), 7L * recurrence.Weeks);
        }

        var (offset, step) = MonthGrid(recurrence);
        var ordinal = FloorDiv(((long)date.Year * 12) + date.Month - 1 - offset, step);
        return AnchorAt(schedule, ordinal) > date ? ordinal - 1 : ordinal;
    }

    /// <summary>The anchor months as (first month index, months between anchors), months counted from year 0.</summary>
    private static (long Offset, long Step) MonthGrid(Recurrence recurrence) => recurrence.Frequency switch
    {
        RecurrenceFrequency.Quarterly => (recurrence.Month - 1, 3),
        RecurrenceFrequency.Yearly => (recurrence.Month - 1, 12),
        _ => (0, 1),
    };

    private static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
    }
}
