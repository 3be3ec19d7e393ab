using NodaTime;
using static Invoicing.Core.Tests.Recurring.RecurringFixtures;

namespace Invoicing.Core.Tests.Recurring;

/// <summary>Worked calendar cases: month ends, leap days, quarters, weeks, start/end/count, time zones and DST.</summary>
public sealed class RecurringCalendarTests
{
    private static (LocalDate Start, LocalDate End) Days(BillingPeriod period) => (period.Start, period.End);

    private static (LocalDate, LocalDate) P(int y1, int m1, int d1, int y2, int m2, int d2) => (new LocalDate(y1, m1, d1), new LocalDate(y2, m2, d2));

    [Fact]
    public void PeriodAt_MonthlyOnDay31_ClampsToShortMonthsAndComesBackTo31()
    {
        var periods = Periods(Schedule(Recurrence.MonthlyOnDay(31), new LocalDate(2026, 1, 31)), 4).Select(Days);

        Assert.Equal([P(2026, 1, 31, 2026, 2, 27), P(2026, 2, 28, 2026, 3, 30), P(2026, 3, 31, 2026, 4, 29), P(2026, 4, 30, 2026, 5, 30)], periods);
    }

    [Fact]
    public void PeriodAt_EndOfMonth_AnchorsOnTheLastDayIncludingLeapFebruary()
    {
        var schedule = Schedule(Recurrence.EndOfMonth(), new LocalDate(2024, 1, 31));

        Assert.Equal([P(2024, 1, 31, 2024, 2, 28), P(2024, 2, 29, 2024, 3, 30), P(2024, 3, 31, 2024, 4, 29)], Periods(schedule, 3).Select(Days));
        Assert.Equal(Periods(Schedule(Recurrence.MonthlyOnDay(31), new LocalDate(2024, 1, 31)), 30), Periods(schedule, 30));
    }

    [Fact]
    public void PeriodAt_MonthlyOnDay30_FebruaryFallsOnItsLastDay()
    {
        var periods = Periods(Schedule(Recurrence.MonthlyOnDay(30), new LocalDate(2027, 1, 30)), 3).Select(Days);

        Assert.Equal([P(2027, 1, 30, 2027, 2, 27), P(2027, 2, 28, 2027, 3, 29), P(2027, 3, 30, 2027, 4, 29)], periods);
    }

    [Fact]
    public void PeriodAt_Yearly29February_FallsOn28FebruaryInCommonYears()
    {
        var periods = Periods(Schedule(Recurrence.Yearly(2, 29), new LocalDate(2024, 2, 29)), 5).Select(Days);

        Assert.Equal(
            [P(2024, 2, 29, 2025, 2, 27), P(2025, 2, 28, 2026, 2, 27), P(2026, 2, 28, 2027, 2, 27), P(2027, 2, 28, 2028, 2, 28), P(2028, 2, 29, 2029, 2, 27)],
            periods);
    }

    [Fact]
    public void PeriodAt_QuarterlyStartedMidQuarter_FirstPeriodIsPartialOfTheCalendarQuarter()
    {
        var periods = Periods(Schedule(Recurrence.Quarterly(), new LocalDate(2026, 2, 10)), 3);

        Assert.Equal(new BillingPeriod(new LocalDate(2026, 2, 10), new LocalDate(2026, 3, 31), new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)), periods[0]);
        Assert.Equal(50, periods[0].Days);
        Assert.Equal(90, periods[0].FullDays);
        Assert.True(periods[0].IsPartial);
        Assert.Equal([P(2026, 4, 1, 2026, 6, 30), P(2026, 7, 1, 2026, 9, 30)], periods.Skip(1).Select(Days));
        Assert.All(periods.Skip(1), p => Assert.False(p.IsPartial));
    }

    [Fact]
    public void PeriodAt_QuarterlyFromFebruary_AnchorsFebruaryMayAugustNovember()
    {
        var periods = Periods(Schedule(Recurrence.Quarterly(15, 2), new LocalDate(2026, 2, 15)), 4).Select(Days);

        Assert.Equal([P(2026, 2, 15, 2026, 5, 14), P(2026, 5, 15, 2026, 8, 14), P(2026, 8, 15, 2026, 11, 14), P(2026, 11, 15, 2027, 2, 14)], periods);
    }

    [Fact]
    public void PeriodAt_EveryTwoWeeks_FourteenDaysFromTheStart()
    {
        var periods = Periods(Schedule(Recurrence.EveryWeeks(2), new LocalDate(2026, 12, 21)), 3).Select(Days);

        Assert.Equal([P(2026, 12, 21, 2027, 1, 3), P(2027, 1, 4, 2027, 1, 17), P(2027, 1, 18, 2027, 1, 31)], periods);
    }

    [Fact]
    public void PeriodAt_EndBetweenAnchors_LastPeriodIsPartialAndNothingAfter()
    {
        var periods = Periods(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 1, 1), end: new LocalDate(2026, 3, 15)));

        Assert.Equal([P(2026, 1, 1, 2026, 1, 31), P(2026, 2, 1, 2026, 2, 28), P(2026, 3, 1, 2026, 3, 15)], periods.Select(Days));
        Assert.Equal((15, 31), (periods[2].Days, periods[2].FullDays));
    }

    [Fact]
    public void PeriodAt_Count_StopsAfterThatManyPeriodsCountingAPartialFirst()
    {
        var periods = Periods(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 1, 20), count: 3));

        Assert.Equal([P(2026, 1, 20, 2026, 1, 31), P(2026, 2, 1, 2026, 2, 28), P(2026, 3, 1, 2026, 3, 31)], periods.Select(Days));
    }

    [Fact]
    public void Due_InArrears_FallsOnThePeriodsLastDay()
    {
        var schedule = Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 1, 1), timing: BillingTiming.InArrears);

        Assert.Empty(RecurringCalendar.Due(schedule, null, null, new LocalDate(2026, 1, 30), 10));
        Assert.Equal([P(2026, 1, 1, 2026, 1, 31)], RecurringCalendar.Due(schedule, null, null, new LocalDate(2026, 1, 31), 10).Select(Days));
    }

    [Fact]
    public void Due_AfterAnOutage_EveryMissedPeriodOldestFirstAndNoMore()
    {
        var schedule = Schedule(Recurrence.MonthlyOnDay(5), new LocalDate(2026, 1, 5));

        var due = RecurringCalendar.Due(schedule, new LocalDate(2026, 2, 4), null, new LocalDate(2026, 5, 4), 10);

        Assert.Equal([P(2026, 2, 5, 2026, 3, 4), P(2026, 3, 5, 2026, 4, 4), P(2026, 4, 5, 2026, 5, 4)], due.Select(Days));
    }

    [Fact]
    public void Due_BillFrom_LeavesOutThePeriodsDueBeforeIt()
    {
        var schedule = Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 1, 1));

        var due = RecurringCalendar.Due(schedule, new LocalDate(2026, 1, 31), new LocalDate(2026, 4, 1), new LocalDate(2026, 5, 10), 10);

        Assert.Equal([P(2026, 4, 1, 2026, 4, 30), P(2026, 5, 1, 2026, 5, 31)], due.Select(Days));
        Assert.Equal(new LocalDate(2026, 4, 1), RecurringCalendar.NextIssueOn(schedule, new LocalDate(2026, 1, 31), new LocalDate(2026, 3, 20)));
    }

    [Fact]
    public void FirstUnbilled_RhythmChangedMidPeriod_ResumesTheDayAfterTheLastBilledDayProrated()
    {
        // Billed monthly from the 1st through 31 January; now it is every two weeks from 15 January.
        var schedule = Schedule(Recurrence.EveryWeeks(2), new LocalDate(2026, 1, 15));

        var first = RecurringCalendar.FirstUnbilled(schedule, new LocalDate(2026, 1, 31), out _);

        Assert.Equal(new BillingPeriod(new LocalDate(2026, 2, 1), new LocalDate(2026, 2, 11), new LocalDate(2026, 1, 29), new LocalDate(2026, 2, 11)), first);
    }

    [Fact]
    public void NextDueAt_IsTheStartOfTheDayInTheCustomersZone()
    {
        var start = new LocalDate(2026, 3, 1);

        Assert.Equal(Instant.FromUtc(2026, 2, 28, 23, 0), RecurringRules.NextDueAt(Schedule(Recurrence.MonthlyOnDay(1), start, zone: "Europe/Paris"), null, null));
        Assert.Equal(Instant.FromUtc(2026, 3, 1, 5, 0), RecurringRules.NextDueAt(Schedule(Recurrence.MonthlyOnDay(1), start, zone: "America/New_York"), null, null));
        Assert.Equal(Instant.FromUtc(2026, 2, 28, 15, 0), RecurringRules.NextDueAt(Schedule(Recurrence.MonthlyOnDay(1), start, zone: "Asia/Tokyo"), null, null));
    }

    [Fact]
    public void NextDueAt_DaylightSavingChange_FollowsTheZoneOffsetOnEachDay()
    {
        // Paris moves to summer time on 29 March 2026: 1 March begins at 23:00 UTC the day before, 1 April at 22:00 UTC.
        var schedule = Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 3, 1), zone: "Europe/Paris");

        Assert.Equal(Instant.FromUtc(2026, 2, 28, 23, 0), RecurringRules.NextDueAt(schedule, null, null));
        Assert.Equal(Instant.FromUtc(2026, 3, 31, 22, 0), RecurringRules.NextDueAt(schedule, new LocalDate(2026, 3, 31), null));
        Assert.Equal(Instant.FromUtc(2026, 10, 31, 23, 0), RecurringRules.NextDueAt(schedule, new LocalDate(2026, 10, 31), null));
    }

    [Fact]
    public void NextDueAt_MidnightSkippedByDaylightSaving_DueAtTheFirstInstantOfTheDay()
    {
        // Chile moves its clocks from 24:00 on Saturday 5 September 2026 to 01:00: 6 September has no midnight.
        var schedule = Schedule(Recurrence.MonthlyOnDay(6), new LocalDate(2026, 9, 6), zone: "America/Santiago");

        var due = RecurringRules.NextDueAt(schedule, null, null);

        Assert.Equal(Instant.FromUtc(2026, 9, 6, 4, 0), due);
        Assert.Equal(new LocalDateTime(2026, 9, 6, 1, 0), due!.Value.InZone(DateTimeZoneProviders.Tzdb["America/Santiago"]).LocalDateTime);
    }

    [Fact]
    public void NextDueAt_Ended_IsNull()
    {
        var schedule = Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 1, 1), count: 2);

        Assert.Null(RecurringRules.NextDueAt(schedule, new LocalDate(2026, 2, 28), null));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(-1)]
    public void MonthlyOnDay_OutOfRange_RefusedWithTheRule(int day)
    {
        var error = Assert.Throws<InvoiceValidationException>(() => Recurrence.MonthlyOnDay(day));

        Assert.Equal(("REC-DAY", "recurrence.dayOfMonth"), (error.Issues[0].RuleId, error.Issues[0].Path));
    }

    [Fact]
    public void Factories_OutOfRange_RefusedWithTheirRules()
    {
        Assert.Equal("REC-MONTH", Assert.Throws<InvoiceValidationException>(() => Recurrence.Yearly(13, 1)).Issues[0].RuleId);
        Assert.Equal("REC-MONTH", Assert.Throws<InvoiceValidationException>(() => Recurrence.Quarterly(1, 4)).Issues[0].RuleId);
        Assert.Equal("REC-WEEKS", Assert.Throws<InvoiceValidationException>(() => Recurrence.EveryWeeks(0)).Issues[0].RuleId);
        Assert.Equal("REC-WEEKS", Assert.Throws<InvoiceValidationException>(() => Recurrence.EveryWeeks(Recurrence.MaxWeeks + 1)).Issues[0].RuleId);
    }

    [Fact]
    public void CheckSchedule_EveryBrokenRule_ReportedTogetherWithItsField()
    {
        var schedule = Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 5, 1), end: new LocalDate(2026, 4, 1), count: 0, id: " ", zone: "Mars/Olympus")
            with { Template = Template() with { Number = "F1" }, Timing = (BillingTiming)9 };

        var error = Assert.Throws<InvoiceValidationException>(() => RecurringRules.CheckSchedule(schedule));

        Assert.Equal(
            [("REC-ID", "id"), ("REC-END", "end"), ("REC-COUNT", "count"), ("REC-TIME-ZONE", "timeZone"), ("REC-TIMING", "timing"), ("INV-DRAFT-NUMBERED", "template.number")],
            error.Issues.Select(i => (i.RuleId, i.Path)));
    }

    [Fact]
    public void OccurrenceDraftId_SameScheduleAndPeriod_SameIdOtherwiseAnother()
    {
        var id = RecurringRules.OccurrenceDraftId("sub-1", new LocalDate(2026, 1, 1));

        Assert.Equal(id, RecurringRules.OccurrenceDraftId("sub-1", new LocalDate(2026, 1, 1)));
        Assert.NotEqual(id, RecurringRules.OccurrenceDraftId("sub-1", new LocalDate(2026, 2, 1)));
        Assert.NotEqual(id, RecurringRules.OccurrenceDraftId("sub-2", new LocalDate(2026, 1, 1)));
    }
}
