using Invoicing.Core;
using NodaTime;
using NodaTime.Testing;
using static Invoicing.Storage.Tests.RecurringStoreFixtures;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>
/// The behaviour every <see cref="IRecurringScheduleStore"/> must show, with the invoice store it creates drafts in. A
/// store's test class derives from this one and says how to create a fresh, empty pair.
/// </summary>
public abstract class RecurringScheduleConformanceTests : IAsyncLifetime
{
    private readonly List<object> _owned = [];

    /// <summary>A fresh, empty invoice store and the schedule store beside it.</summary>
    protected abstract Task<(IInvoiceStore Invoices, IRecurringScheduleStore Schedules)> CreateAsync();

    /// <summary>A second pair over the same data (another process, another host instance).</summary>
    protected abstract Task<(IInvoiceStore Invoices, IRecurringScheduleStore Schedules)> OpenAgainAsync();

    protected IInvoiceStore Invoices { get; private set; } = null!;

    protected IRecurringScheduleStore Schedules { get; private set; } = null!;

    public async Task InitializeAsync() => (Invoices, Schedules) = await CreateAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var owned in _owned.Prepend(Invoices))
        {
            if (owned is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    protected T Own<T>(T value)
        where T : notnull
    {
        _owned.Add(value);
        return value;
    }

    // ---- schedules

    [Fact]
    public async Task SaveAsync_NewSchedule_ReadBackWithItsNextDueInstant()
    {
        var schedule = Schedule();

        await Schedules.SaveAsync(schedule);

        var state = await Schedules.GetAsync("sub-1");
        Assert.Equal(schedule, state!.Schedule);
        Assert.Equal(Instant.FromUtc(2026, 2, 28, 23, 0), state.NextDueAt);
        Assert.Null(state.BilledThrough);
        Assert.False(state.IsPaused);
        Assert.Null(await Schedules.GetAsync("nope"));
    }

    [Fact]
    public async Task SaveAsync_BrokenSchedule_RefusedWithRulesAndNothingStored()
    {
        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => Schedules.SaveAsync(Schedule() with { TimeZone = "Nowhere/Land", Count = 0 }));

        Assert.Equal(["REC-COUNT", "REC-TIME-ZONE"], error.Issues.Select(i => i.RuleId));
        Assert.Null(await Schedules.GetAsync("sub-1"));
    }

    [Fact]
    public async Task SaveAsync_HostileId_StoredAsTextAndReadBack()
    {
        const string id = "sub'; DROP TABLE drafts; -- \"é\u2028😀";

        await Schedules.SaveAsync(Schedule(id));
        Assert.True(await Schedules.TryClaimAsync(Claim("a", T0, scheduleId: id)));

        Assert.Equal(id, (await Schedules.GetAsync(id))!.Schedule.Id);
        Assert.Equal(id, Assert.Single(await Schedules.ListOccurrencesAsync(id)).ScheduleId);
    }

    [Fact]
    public async Task SaveAsync_IdTooLongOrNull_RefusedNothingStored()
    {
        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => Schedules.SaveAsync(Schedule(new string('x', RecurringSchedule.MaxIdLength + 1))));

        Assert.Equal(("REC-ID", "id"), (error.Issues[0].RuleId, error.Issues[0].Path));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Schedules.SaveAsync(null!));
        var control = await Assert.ThrowsAsync<InvoiceValidationException>(() => Schedules.SaveAsync(Schedule("sub\u0000")));
        Assert.Equal("REC-ID", control.Issues[0].RuleId);
        await Assert.ThrowsAsync<ArgumentNullException>(() => Schedules.GetAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Schedules.PauseAsync(null!, T0));
        await foreach (var _ in Schedules.ListAsync())
        {
            Assert.Fail("nothing should be stored");
        }
    }

    [Fact]
    public async Task SaveAsync_Replaced_KeepsPauseBilledThroughAndLedger()
    {
        await Schedules.SaveAsync(Schedule());
        Assert.True(await Schedules.TryClaimAsync(Claim("a", T0)));
        await Schedules.PauseAsync("sub-1", T0);

        await Schedules.SaveAsync(Schedule(day: 15));

        var state = await Schedules.GetAsync("sub-1");
        Assert.Equal(15, state!.Schedule.Recurrence.DayOfMonth);
        Assert.Equal(T0, state.PausedAt);
        Assert.Equal(new LocalDate(2026, 3, 31), state.BilledThrough);
        Assert.Equal(Instant.FromUtc(2026, 3, 31, 22, 0), state.NextDueAt);
        Assert.Single(await Schedules.ListOccurrencesAsync("sub-1"));
    }

    [Fact]
    public async Task ListAsync_EverySchedule_ById()
    {
        foreach (var id in new[] { "b", "a", "c" })
        {
            await Schedules.SaveAsync(Schedule(id));
        }

        Assert.Equal(["a", "b", "c"], await Collect(Schedules.ListAsync(), s => s.Schedule.Id));
    }

    [Fact]
    public async Task ListDueAsync_OnlyRunningSchedulesDueByNow_SoonestFirst()
    {
        await Schedules.SaveAsync(Schedule("late", new LocalDate(2026, 3, 5)));
        await Schedules.SaveAsync(Schedule("early", new LocalDate(2026, 3, 2)));
        await Schedules.SaveAsync(Schedule("future", new LocalDate(2026, 4, 1)));
        await Schedules.SaveAsync(Schedule("paused", new LocalDate(2026, 3, 1)));
        await Schedules.PauseAsync("paused", T0);

        var due = await Collect(Schedules.ListDueAsync(Instant.FromUtc(2026, 3, 10, 0, 0)), s => s.Schedule.Id);

        Assert.Equal(["early", "late"], due);
    }

    [Fact]
    public async Task PauseAsync_ThenResume_PausedInstantKeptThenCleared()
    {
        await Schedules.SaveAsync(Schedule());

        Assert.True(await Schedules.PauseAsync("sub-1", T0));
        Assert.True(await Schedules.PauseAsync("sub-1", T0 + Duration.FromHours(1)));
        Assert.Equal(T0, (await Schedules.GetAsync("sub-1"))!.PausedAt);
        Assert.False(await Schedules.TryClaimAsync(Claim("a", T0)));
        Assert.True(await Schedules.ResumeAsync("sub-1"));

        Assert.False((await Schedules.GetAsync("sub-1"))!.IsPaused);
        Assert.False(await Schedules.PauseAsync("nope", T0));
        Assert.False(await Schedules.ResumeAsync("nope"));
    }

    [Fact]
    public async Task ResumeAsync_BillFrom_StoredAndTheNextDueMovedPastTheHold()
    {
        await Schedules.SaveAsync(Schedule());
        await Schedules.PauseAsync("sub-1", T0);

        await Schedules.ResumeAsync("sub-1", new LocalDate(2026, 5, 10));

        var state = await Schedules.GetAsync("sub-1");
        Assert.Equal(new LocalDate(2026, 5, 10), state!.BillFrom);
        Assert.Equal(Instant.FromUtc(2026, 5, 31, 22, 0), state.NextDueAt);
    }

    // ---- claims

    [Fact]
    public async Task TryClaimAsync_DueSchedule_SavesDraftLedgerAndMovesTheScheduleOn()
    {
        await Schedules.SaveAsync(Schedule());
        var claim = Claim("a", T0);

        Assert.True(await Schedules.TryClaimAsync(claim));

        Assert.Equal(claim.Draft, await Invoices.GetDraftAsync(claim.DraftId));
        var row = Assert.Single(await Schedules.ListOccurrencesAsync("sub-1"));
        Assert.Equal(
            new RecurringOccurrence { ScheduleId = "sub-1", PeriodStart = March.Start, PeriodEnd = March.End, DraftId = claim.DraftId, State = OccurrenceState.Claimed, WorkerId = "a", LeaseExpiresAt = claim.LeaseExpiresAt, ClaimedAt = T0, Attempts = 1 },
            row);
        var state = await Schedules.GetAsync("sub-1");
        Assert.Equal((March.End, claim.NextDueAt), (state!.BilledThrough, state.NextDueAt));
    }

    [Fact]
    public async Task TryClaimAsync_ScheduleMovedOnOrUnknown_FalseAndNothingChanged()
    {
        await Schedules.SaveAsync(Schedule());
        Assert.True(await Schedules.TryClaimAsync(Claim("a", T0)));

        Assert.False(await Schedules.TryClaimAsync(Claim("b", T0)));
        Assert.False(await Schedules.TryClaimAsync(Claim("b", T0, expected: new LocalDate(2026, 2, 28), periods: April)));
        Assert.False(await Schedules.TryClaimAsync(Claim("b", T0, scheduleId: "nope")));

        Assert.Single(await Schedules.ListOccurrencesAsync("sub-1"));
        Assert.Null(await Invoices.GetDraftAsync(RecurringRules.OccurrenceDraftId("sub-1", April.Start)));
        Assert.True(await Schedules.TryClaimAsync(Claim("b", T0, expected: March.End, periods: April)));
    }

    [Fact]
    public async Task TryClaimAsync_SeveralPeriods_OneDraftForAllRows()
    {
        await Schedules.SaveAsync(Schedule(catchUp: CatchUpMode.Combined));

        Assert.True(await Schedules.TryClaimAsync(Claim("a", T0, periods: [March, April])));

        var rows = await Schedules.ListOccurrencesAsync("sub-1");
        Assert.Equal([March.Start, April.Start], rows.Select(r => r.PeriodStart));
        Assert.Single(rows.Select(r => r.DraftId).Distinct());
        Assert.Equal(April.End, (await Schedules.GetAsync("sub-1"))!.BilledThrough);
    }

    [Fact]
    public async Task TryClaimAsync_EightWorkersAtOnce_OneClaims()
    {
        await Schedules.SaveAsync(Schedule());
        var (_, other) = await OpenAgainAsync();
        var stores = new[] { Schedules, other };

        var claimed = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => stores[i % 2].TryClaimAsync(Claim($"w{i}", T0)))));

        Assert.Single(claimed, c => c);
        Assert.Single(await Schedules.ListOccurrencesAsync("sub-1"));
    }

    [Fact]
    public void OccurrenceClaimRequest_PeriodsNotFollowingTheBilledDay_Refused()
    {
        var error = Assert.Throws<InvoiceValidationException>(() => Claim("a", T0, expected: March.End, periods: March));

        Assert.Equal(("REC-CLAIM-PERIODS", "periods[0]"), (error.Issues[0].RuleId, error.Issues[0].Path));
        Assert.Equal("REC-CLAIM-PERIODS", Assert.Throws<InvoiceValidationException>(() => Claim("a", T0, periods: [April, March])).Issues[0].RuleId);
        Assert.Equal("REC-CLAIM-LEASE", Assert.Throws<InvoiceValidationException>(() => new OccurrenceClaimRequest("sub-1", [March], null, DraftId.New(), Template(), "a", T0, T0, null)).Issues[0].RuleId);
    }

    // ---- take-over and confirmation

    [Fact]
    public async Task TryTakeOverAsync_LiveLease_HeldAndUnchanged()
    {
        await Schedules.SaveAsync(Schedule());
        var claim = Claim("a", T0);
        await Schedules.TryClaimAsync(claim);

        var outcome = await Schedules.TryTakeOverAsync(new OccurrenceTakeOverRequest(claim.DraftId, claim.Draft, "b", T0 + Duration.FromMinutes(5), T0 + Duration.FromMinutes(15)));

        Assert.Equal(OccurrenceTakeOverOutcome.Held, outcome);
        Assert.Equal("a", Assert.Single(await Schedules.ListOccurrencesAsync("sub-1")).WorkerId);
    }

    [Fact]
    public async Task TryTakeOverAsync_ExpiredWithDraft_TakenOverAndTheDraftReplaced()
    {
        await Schedules.SaveAsync(Schedule());
        var claim = Claim("a", T0);
        await Schedules.TryClaimAsync(claim);
        var later = T0 + Duration.FromDays(2);
        var redated = claim.Draft with { IssueDate = new LocalDate(2026, 3, 3) };

        var outcome = await Schedules.TryTakeOverAsync(new OccurrenceTakeOverRequest(claim.DraftId, redated, "b", later, later + Duration.FromMinutes(10)));

        Assert.Equal(OccurrenceTakeOverOutcome.TakenOver, outcome);
        Assert.Equal(redated, await Invoices.GetDraftAsync(claim.DraftId));
        var row = Assert.Single(await Schedules.ListOccurrencesAsync("sub-1"));
        Assert.Equal(("b", 2, later + Duration.FromMinutes(10), OccurrenceState.Claimed), (row.WorkerId, row.Attempts, row.LeaseExpiresAt, row.State));
        Assert.False(await Schedules.MarkIssuedAsync(claim.DraftId, "a", "F2026-00001", later));
        Assert.True(await Schedules.MarkIssuedAsync(claim.DraftId, "b", "F2026-00001", later));
    }

    [Fact]
    public async Task TryTakeOverAsync_ExpiredAndDraftIssued_FoundIssuedAndTheDraftNotBroughtBack()
    {
        await Schedules.SaveAsync(Schedule());
        var claim = Claim("a", T0);
        await Schedules.TryClaimAsync(claim);
        await Invoices.IssueAsync(StoreFixtures.Request(claim.Draft, claim.DraftId));
        var later = T0 + Duration.FromMinutes(11);

        var outcome = await Schedules.TryTakeOverAsync(new OccurrenceTakeOverRequest(claim.DraftId, claim.Draft, "b", later, later + Duration.FromMinutes(10)));

        Assert.Equal(OccurrenceTakeOverOutcome.FoundIssued, outcome);
        Assert.Null(await Invoices.GetDraftAsync(claim.DraftId));
        var row = Assert.Single(await Schedules.ListOccurrencesAsync("sub-1"));
        Assert.Equal((OccurrenceState.Issued, (string?)null, later), (row.State, row.InvoiceNumber, row.IssuedAt!.Value));
        Assert.Equal(OccurrenceTakeOverOutcome.AlreadyIssued, await Schedules.TryTakeOverAsync(new OccurrenceTakeOverRequest(claim.DraftId, claim.Draft, "c", later, later + Duration.FromMinutes(10))));
        Assert.Equal(OccurrenceTakeOverOutcome.Unknown, await Schedules.TryTakeOverAsync(new OccurrenceTakeOverRequest(DraftId.New(), claim.Draft, "c", later, later + Duration.FromMinutes(10))));
    }

    [Fact]
    public async Task MarkIssuedAsync_ByTheClaimer_OnceThenFalse()
    {
        await Schedules.SaveAsync(Schedule(catchUp: CatchUpMode.Combined));
        var claim = Claim("a", T0, periods: [March, April]);
        await Schedules.TryClaimAsync(claim);

        Assert.False(await Schedules.MarkIssuedAsync(claim.DraftId, "b", "F2026-00001", T0));
        Assert.True(await Schedules.MarkIssuedAsync(claim.DraftId, "a", "F2026-00001", T0 + Duration.FromSeconds(1)));
        Assert.False(await Schedules.MarkIssuedAsync(claim.DraftId, "a", "F2026-00002", T0 + Duration.FromSeconds(2)));

        Assert.All(await Schedules.ListOccurrencesAsync("sub-1"), r => Assert.Equal((OccurrenceState.Issued, "F2026-00001", T0 + Duration.FromSeconds(1)), (r.State, r.InvoiceNumber!, r.IssuedAt!.Value)));
    }

    [Fact]
    public async Task ListUnfinishedAsync_ClaimedWithAnExpiredLeaseOnly()
    {
        await Schedules.SaveAsync(Schedule("a"));
        await Schedules.SaveAsync(Schedule("b"));
        await Schedules.SaveAsync(Schedule("c"));
        var a = Claim("w", T0, scheduleId: "a");
        await Schedules.TryClaimAsync(a);
        await Schedules.TryClaimAsync(Claim("w", T0 + Duration.FromMinutes(30), scheduleId: "b"));
        var c = Claim("w", T0, scheduleId: "c");
        await Schedules.TryClaimAsync(c);
        await Schedules.MarkIssuedAsync(c.DraftId, "w", "F1", T0);

        var unfinished = await Collect(Schedules.ListUnfinishedAsync(T0 + Duration.FromMinutes(20)), r => r.ScheduleId);

        Assert.Equal(["a"], unfinished);
    }

    // ---- the runner over this store

    [Fact]
    public async Task RunOnceAsync_TwoRunsAndARunnerOnAnotherInstance_EachPeriodIssuedOnce()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 5, 2, 8, 0));
        await Schedules.SaveAsync(Schedule("one", new LocalDate(2026, 3, 1)));
        await Schedules.SaveAsync(Schedule("combined", new LocalDate(2026, 3, 1), CatchUpMode.Combined, customer: "123456782"));
        var (otherInvoices, otherSchedules) = await OpenAgainAsync();
        var runners = new[]
        {
            new RecurringRunner(Schedules, new InvoicingService(Invoices, clock), clock, new RecurringOptions { WorkerId = "a" }),
            new RecurringRunner(otherSchedules, new InvoicingService(otherInvoices, clock), clock, new RecurringOptions { WorkerId = "b" }),
        };

        var results = await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunOnceAsync())));
        var again = await runners[0].RunOnceAsync();

        Assert.Equal(4, results.Sum(r => r.Issued));
        Assert.Equal(0, again.Issued);
        var numbers = new List<string>();
        await foreach (var account in Invoices.QueryAsync(new InvoiceQuery()))
        {
            numbers.Add(account.Number);
        }

        Assert.Equal(4, numbers.Count);
        var rows = (await Schedules.ListOccurrencesAsync("one")).Concat(await Schedules.ListOccurrencesAsync("combined")).ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(OccurrenceState.Issued, r.State));
        Assert.Equal(numbers.Order(), rows.Select(r => r.InvoiceNumber!).Distinct().Order());
    }

    [Fact]
    public async Task RunOnceAsync_WorkerStoppedAfterClaim_ResumedAfterTheLeaseAndIssuedOnce()
    {
        var clock = new FakeClock(T0);
        await Schedules.SaveAsync(Schedule());
        var claim = Claim("ghost", T0);
        Assert.True(await Schedules.TryClaimAsync(claim));
        var runner = new RecurringRunner(Schedules, new InvoicingService(Invoices, clock), clock, new RecurringOptions { WorkerId = "a" });

        Assert.Equal(0, (await runner.RunOnceAsync()).Issued);
        clock.Advance(Duration.FromMinutes(11));
        var result = await runner.RunOnceAsync();

        Assert.Equal((1, 1), (result.Issued, result.Resumed));
        var row = Assert.Single(await Schedules.ListOccurrencesAsync("sub-1"));
        Assert.Equal((OccurrenceState.Issued, "F2026-00001"), (row.State, row.InvoiceNumber!));
        Assert.Null(await Invoices.GetDraftAsync(claim.DraftId));
    }

    private static async Task<List<TResult>> Collect<T, TResult>(IAsyncEnumerable<T> items, Func<T, TResult> select)
    {
        var list = new List<TResult>();
        await foreach (var item in items)
        {
            list.Add(select(item));
        }

        return list;
    }
}
