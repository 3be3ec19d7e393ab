using FsCheck.Xunit;
using NodaTime;
using static Invoicing.Core.Tests.Recurring.RecurringFixtures;

namespace Invoicing.Core.Tests.Recurring;

/// <summary>
/// Property-based tests of recurring schedules: the periods tile the days from the start without gap or overlap, and
/// a runner run at random moments, with outages and workers that stop between claim and issue, invoices every period
/// due exactly once.
/// </summary>
public sealed class RecurringProperties
{
    private static readonly string[] Zones = ["Europe/Paris", "America/New_York", "Asia/Tokyo", "America/Santiago", "Pacific/Auckland", "UTC"];

    private static Recurrence RecurrenceOf(byte kind, byte day, byte month, byte weeks) => (kind % 5) switch
    {
        0 => Recurrence.MonthlyOnDay(1 + (day % 31)),
        1 => Recurrence.EndOfMonth(),
        2 => Recurrence.Quarterly(1 + (day % 31), 1 + (month % 3)),
        3 => Recurrence.Yearly(1 + (month % 12), 1 + (day % 31)),
        _ => Recurrence.EveryWeeks(1 + (weeks % 9)),
    };

    private static RecurringSchedule ScheduleOf(byte kind, byte day, byte month, byte weeks, ushort startOffset, ushort? length, byte? count, bool arrears, bool combined, byte zone) =>
        Schedule(
            RecurrenceOf(kind, day, month, weeks),
            new LocalDate(2023, 1, 1).PlusDays(startOffset % 1500),
            end: length is { } days ? new LocalDate(2023, 1, 1).PlusDays(startOffset % 1500).PlusDays(days % 900) : null,
            count: count is { } c ? 1 + (c % 30) : null,
            zone: Zones[zone % Zones.Length],
            timing: arrears ? BillingTiming.InArrears : BillingTiming.InAdvance,
            catchUp: combined ? CatchUpMode.Combined : CatchUpMode.OnePerPeriod);

    [Property(MaxTest = 1000)]
    public void PeriodAt_AnySchedule_TilesTheDaysFromTheStartWithinTheFullPeriods(byte kind, byte day, byte month, byte weeks, ushort startOffset, ushort? length, byte? count)
    {
        var schedule = ScheduleOf(kind, day, month, weeks, startOffset, length, count, false, false, 0);

        var periods = Periods(schedule, 60);

        Assert.Equal(schedule.Start, periods[0].Start);
        for (var i = 0; i < periods.Count; i++)
        {
            var p = periods[i];
            Assert.True(p.FullStart <= p.Start && p.Start <= p.End && p.End <= p.FullEnd);
            Assert.True(p.Days >= 1 && p.Days <= p.FullDays);
            if (i > 0)
            {
                Assert.Equal(periods[i - 1].End.PlusDays(1), p.Start);
                Assert.Equal(periods[i - 1].FullEnd.PlusDays(1), p.FullStart);
            }

            if (i > 0 && i < periods.Count - 1)
            {
                Assert.False(p.IsPartial);
            }
        }

        if (schedule.Count is { } limit)
        {
            Assert.True(periods.Count <= limit);
        }

        if (schedule.End is { } end)
        {
            Assert.True(periods[^1].End <= end);
            Assert.True(periods.Count == 60 || periods.Count == schedule.Count || periods[^1].End == end);
        }
    }

    [Property(MaxTest = 500)]
    public void FirstUnbilled_AnyBilledThroughDay_StartsTheDayAfterIt(byte kind, byte day, byte month, byte weeks, ushort startOffset, ushort billedDays)
    {
        var schedule = ScheduleOf(kind, day, month, weeks, startOffset, null, null, false, false, 0);
        var through = schedule.Start.PlusDays(billedDays % 2000);

        var next = RecurringCalendar.FirstUnbilled(schedule, through, out var index);

        Assert.Equal(through.PlusDays(1), next!.Value.Start);
        Assert.Equal(RecurringCalendar.PeriodAt(schedule, index)!.Value.End, next.Value.End);
    }

    /// <summary>
    /// A schedule, runs at random moments (the gaps between them are the outages), sometimes a worker that stops after
    /// claiming or after issuing: after a last run at the horizon, the periods invoiced are exactly the periods due by
    /// then, each once, and every invoice's lines carry the periods its ledger rows name.
    /// </summary>
    [Property(MaxTest = 150)]
    public void RunOnceAsync_RandomOutagesAndCrashes_EveryDuePeriodInvoicedExactlyOnce(
        byte kind, byte day, byte month, byte weeks, ushort startOffset, ushort? length, byte? count, bool arrears, bool combined, byte zone, ushort[] gapsInHours, byte[] crashes)
    {
        var schedule = ScheduleOf(kind, day, month, weeks, (ushort)(startOffset % 400), length, count, arrears, combined, zone);
        var harness = new RecurringHarness(Instant.FromUtc(2023, 1, 1, 0, 0));
        harness.Schedules.SaveAsync(schedule).GetAwaiter().GetResult();
        var runs = (gapsInHours ?? []).Take(12).ToArray();
        for (var i = 0; i < runs.Length; i++)
        {
            harness.Clock.Advance(Duration.FromHours(1 + (runs[i] % 2400)));
            var crash = crashes is { Length: > 0 } ? crashes[i % crashes.Length] % 4 : 0;
            if (crash is 1 or 2)
            {
                harness.CrashAsync(schedule.Id, afterIssue: crash == 2).GetAwaiter().GetResult();
            }

            harness.RunAsync($"w{i % 3}").GetAwaiter().GetResult();
        }

        // The horizon: past every lease, one last run.
        harness.Clock.Advance(Duration.FromHours(1));
        var horizon = harness.Clock.GetCurrentInstant();
        for (var pass = 0; pass < 40 && harness.RunAsync("last").GetAwaiter().GetResult() is { } result && (result.PeriodsClaimed > 0 || result.Resumed > 0 || result.FoundIssued > 0); pass++)
        {
        }

        var today = horizon.InZone(DateTimeZoneProviders.Tzdb[schedule.TimeZone]).Date;
        var expected = Periods(schedule, 2000).Where(p => RecurringCalendar.IssueOn(schedule, p) <= today).Select(p => (p.Start, p.End)).ToList();
        var rows = harness.Schedules.ListOccurrencesAsync(schedule.Id).GetAwaiter().GetResult();
        Assert.Equal(expected, rows.Select(r => (r.PeriodStart, r.PeriodEnd)));
        Assert.All(rows, r => Assert.Equal(OccurrenceState.Issued, r.State));

        var issued = harness.IssuedAsync().GetAwaiter().GetResult();
        var invoicedPeriods = issued.SelectMany(i => i.Document.Lines.Select(l => (l.Period!.Start!.Value, l.Period.End!.Value))).ToList();
        Assert.Equal(expected, invoicedPeriods.Order());
        Assert.Equal(rows.Select(r => r.DraftId).Distinct().Count(), issued.Count);
    }
}
