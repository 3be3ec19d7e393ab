using NodaTime;
using static Invoicing.Core.Tests.Recurring.RecurringFixtures;

namespace Invoicing.Core.Tests.Recurring;

/// <summary>The runner over the in-memory stores: once per period, catch-up, pause, failures, crashes.</summary>
public sealed class RecurringRunnerTests
{
    private static readonly Instant March1Paris = Instant.FromUtc(2026, 2, 28, 23, 0);

    [Fact]
    public async Task RunOnceAsync_DuePeriod_IssuedOnceAndRecorded()
    {
        var harness = new RecurringHarness(March1Paris);
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 3, 1)));

        var first = await harness.RunAsync();
        var second = await harness.RunAsync();

        Assert.Equal((1, 1), (first.Issued, first.PeriodsClaimed));
        Assert.Equal(0, second.Issued);
        var invoice = Assert.Single(await harness.IssuedAsync());
        Assert.Equal([invoice.Number], first.InvoiceNumbers);
        Assert.Equal(new LocalDate(2026, 3, 1), invoice.Document.IssueDate);
        Assert.Equal(new InvoicePeriod { Start = new LocalDate(2026, 3, 1), End = new LocalDate(2026, 3, 31) }, invoice.Document.InvoicingPeriod);
        var row = Assert.Single(await harness.Schedules.ListOccurrencesAsync("sub-1"));
        Assert.Equal((OccurrenceState.Issued, invoice.Number, "w1"), (row.State, row.InvoiceNumber, row.WorkerId));
        var state = await harness.Schedules.GetAsync("sub-1");
        Assert.Equal(new LocalDate(2026, 3, 31), state!.BilledThrough);
        Assert.Equal(Instant.FromUtc(2026, 3, 31, 22, 0), state.NextDueAt);
    }

    [Fact]
    public async Task RunOnceAsync_NotYetThatDayInTheCustomersZone_NothingIssued()
    {
        // 23:00 UTC on 28 February is 1 March in Paris but still 28 February (18:00) in New York.
        var harness = new RecurringHarness(March1Paris);
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 3, 1), id: "ny", zone: "America/New_York"));
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 3, 1), id: "paris"));

        var result = await harness.RunAsync();

        Assert.Equal(1, result.Issued);
        Assert.Empty(await harness.Schedules.ListOccurrencesAsync("ny"));
        harness.Clock.Reset(Instant.FromUtc(2026, 3, 1, 5, 0));
        Assert.Equal(1, (await harness.RunAsync()).Issued);
        Assert.Single(await harness.Schedules.ListOccurrencesAsync("ny"));
    }

    [Fact]
    public async Task RunOnceAsync_AcrossTheChangeToSummerTime_DueAtLocalMidnightOfEachMonth()
    {
        // Paris changes to summer time on 29 March 2026: 1 March begins at 23:00 UTC, 1 April at 22:00 UTC.
        var harness = new RecurringHarness(Instant.FromUtc(2026, 2, 28, 22, 59));
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 3, 1)));

        Assert.Equal(0, (await harness.RunAsync()).Issued);
        harness.Clock.Reset(Instant.FromUtc(2026, 2, 28, 23, 0));
        Assert.Equal(1, (await harness.RunAsync()).Issued);
        harness.Clock.Reset(Instant.FromUtc(2026, 3, 31, 21, 59));
        Assert.Equal(0, (await harness.RunAsync()).Issued);
        harness.Clock.Reset(Instant.FromUtc(2026, 3, 31, 22, 0));
        Assert.Equal(1, (await harness.RunAsync()).Issued);

        Assert.Equal([3, 4], (await harness.IssuedAsync()).Select(i => i.Document.InvoicingPeriod!.Start!.Value.Month));
    }

    [Fact]
    public async Task RunOnceAsync_MonthlyOn31InArrears_FebruaryBilledToItsLastDay()
    {
        var harness = new RecurringHarness(Instant.FromUtc(2027, 3, 31, 8, 0));
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(31), new LocalDate(2027, 1, 31), timing: BillingTiming.InArrears));

        await harness.RunAsync();

        Assert.Equal(
            [(new LocalDate(2027, 1, 31), new LocalDate(2027, 2, 27)), (new LocalDate(2027, 2, 28), new LocalDate(2027, 3, 30))],
            (await harness.Schedules.ListOccurrencesAsync("sub-1")).Select(r => (r.PeriodStart, r.PeriodEnd)));
    }

    [Fact]
    public async Task RunOnceAsync_AfterAnOutage_OneInvoicePerMissedPeriodOldestFirst()
    {
        var harness = new RecurringHarness(Instant.FromUtc(2026, 5, 10, 8, 0));
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 2, 1)));

        var result = await harness.RunAsync();

        Assert.Equal(4, result.Issued);
        var issued = await harness.IssuedAsync();
        Assert.Equal([2, 3, 4, 5], issued.Select(i => i.Document.InvoicingPeriod!.Start!.Value.Month));
        Assert.All(issued, i => Assert.Equal(new LocalDate(2026, 5, 10), i.Document.IssueDate));
    }

    [Fact]
    public async Task RunOnceAsync_AfterAnOutageCombined_OneInvoiceWithALineSetPerPeriod()
    {
        var harness = new RecurringHarness(Instant.FromUtc(2026, 5, 10, 8, 0));
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 2, 1), catchUp: CatchUpMode.Combined));

        var result = await harness.RunAsync();

        Assert.Equal((1, 4), (result.Issued, result.PeriodsClaimed));
        var invoice = Assert.Single(await harness.IssuedAsync());
        Assert.Equal([2, 3, 4, 5], invoice.Document.Lines.Select(l => l.Period!.Start!.Value.Month));
        Assert.Equal(120m, invoice.Totals.LineNetTotal);
        var rows = await harness.Schedules.ListOccurrencesAsync("sub-1");
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(invoice.Number, r.InvoiceNumber));
    }

    [Fact]
    public async Task RunOnceAsync_Paused_NothingUntilResumedThenCaughtUp()
    {
        var harness = new RecurringHarness(Instant.FromUtc(2026, 1, 1, 8, 0));
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 1, 1)));
        Assert.True(await harness.Schedules.PauseAsync("sub-1", harness.Clock.GetCurrentInstant()));

        Assert.Equal(0, (await harness.RunAsync()).Issued);
        harness.Clock.Reset(Instant.FromUtc(2026, 3, 2, 8, 0));
        Assert.Equal(0, (await harness.RunAsync()).Issued);
        Assert.True(await harness.Schedules.ResumeAsync("sub-1"));

        Assert.Equal(3, (await harness.RunAsync()).Issued);
    }

    [Fact]
    public async Task RunOnceAsync_ResumedWithBillFrom_PeriodsOfTheHoldNotInvoiced()
    {
        var harness = new RecurringHarness(Instant.FromUtc(2026, 1, 1, 8, 0));
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 1, 1)));
        await harness.RunAsync();
        await harness.Schedules.PauseAsync("sub-1", harness.Clock.GetCurrentInstant());
        harness.Clock.Reset(Instant.FromUtc(2026, 4, 15, 8, 0));
        await harness.Schedules.ResumeAsync("sub-1", new LocalDate(2026, 4, 15));

        Assert.Equal(0, (await harness.RunAsync()).Issued);
        harness.Clock.Reset(Instant.FromUtc(2026, 5, 1, 8, 0));
        Assert.Equal(1, (await harness.RunAsync()).Issued);

        Assert.Equal([1, 5], (await harness.IssuedAsync()).Select(i => i.Document.InvoicingPeriod!.Start!.Value.Month));
    }

    [Fact]
    public async Task RunOnceAsync_TemplateBreaksARule_ReportedWithScheduleAndRuleOthersIssued()
    {
        var harness = new RecurringHarness(March1Paris);
        var broken = Template() with { Seller = Template().Seller with { Address = null } };
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 3, 1), id: "a-broken", template: broken));
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 3, 1), id: "b-fine"));

        var result = await harness.RunAsync();

        Assert.Equal(1, result.Issued);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(("a-broken", new LocalDate(2026, 3, 1)), (failure.ScheduleId, failure.PeriodStart));
        Assert.NotEmpty(failure.Issues);
        Assert.Contains("a-broken", failure.ToString(), StringComparison.Ordinal);
        Assert.Empty(await harness.Schedules.ListOccurrencesAsync("a-broken"));
        Assert.Single(await harness.Schedules.ListOccurrencesAsync("b-fine"));
    }

    [Fact]
    public async Task RunOnceAsync_WorkerStoppedAfterClaim_NextRunAfterTheLeaseIssuesIt()
    {
        var harness = new RecurringHarness(March1Paris);
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 3, 1)));
        Assert.True(await harness.CrashAsync("sub-1", afterIssue: false));

        Assert.Equal(0, (await harness.RunAsync()).Issued);
        harness.Clock.Advance(Duration.FromMinutes(11));
        var result = await harness.RunAsync();

        Assert.Equal((1, 1), (result.Issued, result.Resumed));
        Assert.Single(await harness.IssuedAsync());
        Assert.Equal(OccurrenceState.Issued, Assert.Single(await harness.Schedules.ListOccurrencesAsync("sub-1")).State);
    }

    [Fact]
    public async Task RunOnceAsync_WorkerStoppedAfterIssue_FoundIssuedNotIssuedAgain()
    {
        var harness = new RecurringHarness(March1Paris);
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 3, 1)));
        Assert.True(await harness.CrashAsync("sub-1", afterIssue: true));
        harness.Clock.Advance(Duration.FromMinutes(11));

        var result = await harness.RunAsync();

        Assert.Equal((0, 1), (result.Issued, result.FoundIssued));
        Assert.Single(await harness.IssuedAsync());
        var row = Assert.Single(await harness.Schedules.ListOccurrencesAsync("sub-1"));
        Assert.Equal((OccurrenceState.Issued, null), (row.State, row.InvoiceNumber));
    }

    [Fact]
    public async Task RunOnceAsync_ClaimTakenOverLaterDay_DraftRedatedToTheDayOfIssue()
    {
        var harness = new RecurringHarness(March1Paris);
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 3, 1)));
        await harness.CrashAsync("sub-1", afterIssue: false);
        harness.Clock.Reset(Instant.FromUtc(2026, 3, 3, 9, 0));

        await harness.RunAsync();

        Assert.Equal(new LocalDate(2026, 3, 3), Assert.Single(await harness.IssuedAsync()).Document.IssueDate);
    }

    [Fact]
    public async Task RunOnceAsync_EndAndCount_NothingBeyondAndNoNextDue()
    {
        var harness = new RecurringHarness(Instant.FromUtc(2027, 1, 1, 8, 0));
        await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 1, 1), end: new LocalDate(2026, 6, 15), id: "end"));
        await harness.Schedules.SaveAsync(Schedule(Recurrence.EveryWeeks(1), new LocalDate(2026, 1, 5), count: 3, id: "count"));

        await harness.RunAsync();

        var end = await harness.Schedules.ListOccurrencesAsync("end");
        Assert.Equal(6, end.Count);
        Assert.Equal(new LocalDate(2026, 6, 15), end[^1].PeriodEnd);
        Assert.Equal(3, (await harness.Schedules.ListOccurrencesAsync("count")).Count);
        Assert.Null((await harness.Schedules.GetAsync("end"))!.NextDueAt);
        Assert.Null((await harness.Schedules.GetAsync("count"))!.NextDueAt);
        var lastOfEnd = (await harness.IssuedAsync()).Single(i => i.Document.InvoicingPeriod!.End == new LocalDate(2026, 6, 15));
        Assert.Equal(15m, lastOfEnd.Totals.LineNetTotal);
    }

    [Fact]
    public async Task RunOnceAsync_FourRunnersAtOnce_EachPeriodIssuedOnce()
    {
        var harness = new RecurringHarness(Instant.FromUtc(2026, 7, 1, 8, 0));
        for (var i = 0; i < 40; i++)
        {
            await harness.Schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1 + (i % 28)), new LocalDate(2026, 1, 1), id: $"s{i:00}", catchUp: i % 2 == 0 ? CatchUpMode.Combined : CatchUpMode.OnePerPeriod));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() => harness.RunAsync($"w{w}"))));

        var issued = await harness.IssuedAsync();
        Assert.Equal(results.Sum(r => r.Issued), issued.Count);
        var billed = issued.SelectMany(i => i.Document.Lines.Select(l => (i.Document.Buyer.Name, l.Period!.Start, i.Number))).ToList();
        var rows = new List<RecurringOccurrence>();
        for (var i = 0; i < 40; i++)
        {
            rows.AddRange(await harness.Schedules.ListOccurrencesAsync($"s{i:00}"));
        }

        Assert.Equal(rows.Count, billed.Count);
        Assert.Equal(rows.Count, rows.Select(r => (r.ScheduleId, r.PeriodStart)).Distinct().Count());
        Assert.All(rows, r => Assert.Equal(OccurrenceState.Issued, r.State));
        Assert.Equal(rows.Select(r => r.InvoiceNumber).Distinct().Order(), issued.Select(i => i.Number).Order());
    }

    [Fact]
    public void Constructor_BadOptions_RefusedNamingTheOption()
    {
        var harness = new RecurringHarness(March1Paris);

        var error = Assert.Throws<ArgumentException>(() => new RecurringRunner(harness.Schedules, harness.Service, harness.Clock, new RecurringOptions { LeaseDuration = Duration.Zero }));

        Assert.Contains("LeaseDuration", error.Message, StringComparison.Ordinal);
    }
}
