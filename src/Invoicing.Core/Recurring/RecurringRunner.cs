using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// Issues the due occurrences of recurring schedules, each (schedule, period) exactly once however many hosts run it:
/// plan (pure calendar) -> claim the periods and save their draft (one store transaction, only if nobody claimed first)
/// -> issue the draft through <see cref="InvoicingService"/> (the issue deletes the draft) -> record the number.
/// A worker that stops after claiming leaves a claim that expires; the next run takes it over and issues the draft, or
/// finds it issued. Catch-up after an outage is the same plan over more days.
/// </summary>
public sealed class RecurringRunner
{
    private readonly IRecurringScheduleStore _store;
    private readonly InvoicingService _invoicing;
    private readonly IClock _clock;
    private readonly RecurringOptions _options;

    /// <summary>Creates the runner (DI does this for hosts that call <c>AddRecurringInvoices</c>).</summary>
    public RecurringRunner(IRecurringScheduleStore store, InvoicingService invoicing, IClock clock, IOptions<RecurringOptions> options)
        : this(store, invoicing, clock, options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Creates the runner without DI.</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public RecurringRunner(IRecurringScheduleStore store, InvoicingService invoicing, IClock clock, RecurringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(invoicing);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _invoicing = invoicing;
        _clock = clock;
        _options = options ?? new RecurringOptions();
        if (RecurringOptionsRules.Problem(_options) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }
    }

    /// <summary>Takes over unfinished occurrences, then issues every due one; a schedule that fails is reported and the others go on.</summary>
    /// <exception cref="InvoiceStoreException">A store cannot be read or written; what was issued before stays issued and recorded.</exception>
    public async Task<RecurringRunResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var tally = new Tally();
        await ResumeUnfinishedAsync(tally, cancellationToken).ConfigureAwait(false);
        await foreach (var state in _store.ListDueAsync(_clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RunScheduleAsync(state, tally, cancellationToken).ConfigureAwait(false);
        }

        return tally.ToResult();
    }

    private async Task RunScheduleAsync(RecurringScheduleState state, Tally tally, CancellationToken cancellationToken)
    {
        var schedule = state.Schedule;
        var now = _clock.GetCurrentInstant();
        var today = now.InZone(DateTimeZoneProviders.Tzdb[schedule.TimeZone]).Date;
        var due = RecurringCalendar.Due(schedule, state.BilledThrough, state.BillFrom, today, _options.MaxPeriodsPerRun);
        IReadOnlyList<BillingPeriod>[] occurrences = schedule.CatchUp == CatchUpMode.Combined && due.Count > 0
            ? [due]
            : [.. due.Select(period => (IReadOnlyList<BillingPeriod>)[period])];
        var billedThrough = state.BilledThrough;
        foreach (var periods in occurrences)
        {
            if (Draft(schedule, periods, tally) is not { } draft)
            {
                return;
            }

            var draftId = RecurringRules.OccurrenceDraftId(schedule.Id, periods[0].Start);
            var claim = new OccurrenceClaimRequest(
                schedule.Id,
                periods,
                billedThrough,
                draftId,
                draft,
                _options.WorkerId,
                now,
                now + _options.LeaseDuration,
                RecurringRules.NextDueAt(schedule, periods[^1].End, state.BillFrom));
            if (!await _store.TryClaimAsync(claim, cancellationToken).ConfigureAwait(false))
            {
                tally.ClaimedElsewhere++;
                return;
            }

            tally.PeriodsClaimed += periods.Count;
            billedThrough = periods[^1].End;
            if (!await IssueAsync(schedule.Id, periods[0].Start, draftId, tally).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task ResumeUnfinishedAsync(Tally tally, CancellationToken cancellationToken)
    {
        var unfinished = new List<RecurringOccurrence>();
        await foreach (var row in _store.ListUnfinishedAsync(_clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false))
        {
            unfinished.Add(row);
        }

        foreach (var rows in unfinished.GroupBy(row => row.DraftId))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = rows.First();
            if (await _store.GetAsync(first.ScheduleId, cancellationToken).ConfigureAwait(false) is not { } state)
            {
                continue;
            }

            var periods = rows.OrderBy(row => row.PeriodStart).Select(row => RecurringCalendar.Rebuild(state.Schedule, row.PeriodStart, row.PeriodEnd)).ToArray();
            if (Draft(state.Schedule, periods, tally) is not { } draft)
            {
                continue;
            }

            var now = _clock.GetCurrentInstant();
            switch (await _store.TryTakeOverAsync(new OccurrenceTakeOverRequest(first.DraftId, draft, _options.WorkerId, now, now + _options.LeaseDuration), cancellationToken).ConfigureAwait(false))
            {
                case OccurrenceTakeOverOutcome.TakenOver:
                    if (await IssueAsync(first.ScheduleId, periods[0].Start, first.DraftId, tally).ConfigureAwait(false))
                    {
                        tally.Resumed++;
                    }

                    break;
                case OccurrenceTakeOverOutcome.FoundIssued:
                    tally.FoundIssued++;
                    break;
            }
        }
    }

    /// <summary>The occurrence's draft dated today, or null (reported) when it breaks a rule.</summary>
    private Invoice? Draft(RecurringSchedule schedule, IReadOnlyList<BillingPeriod> periods, Tally tally)
    {
        Invoice draft;
        try
        {
            draft = OccurrenceDrafts.Build(schedule, periods, _invoicing.Today);
        }
        catch (OverflowException)
        {
            tally.Fail(schedule.Id, periods[0].Start, [ValidationIssue.Error("INV-OVERFLOW", "template.lines", "The template's quantities are too large to be prorated exactly (decimal overflow).")]);
            return null;
        }

        var errors = InvoicingService.Validate(draft).Issues.Where(issue => issue.Severity == ValidationSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            tally.Fail(schedule.Id, periods[0].Start, errors);
            return null;
        }

        return draft;
    }

    /// <summary>Issues a claimed draft and records its number; false (reported) when the issue was refused.</summary>
    private async Task<bool> IssueAsync(string scheduleId, LocalDate periodStart, DraftId draftId, Tally tally)
    {
        IssuedInvoice issued;
        try
        {
            // Not cancellable once claimed: an issue cut short by a cancelled run would only wait for the lease.
            issued = await _invoicing.IssueDraftAsync(draftId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvoiceValidationException exception) when (exception.Issues.Any(issue => issue.RuleId is "INV-DRAFT-UNKNOWN" or "INV-ISSUE-DRAFT-UNKNOWN"))
        {
            // Another worker took the expired claim over and issued the draft meanwhile: it records the number.
            return false;
        }
        catch (InvoiceValidationException exception)
        {
            // The claim stays: when its lease ends the next run rebuilds the draft (today's date, current template) and retries.
            tally.Fail(scheduleId, periodStart, exception.Issues);
            return false;
        }

        await _store.MarkIssuedAsync(draftId, _options.WorkerId, issued.Number, _clock.GetCurrentInstant(), CancellationToken.None).ConfigureAwait(false);
        tally.Issued++;
        tally.Numbers.Add(issued.Number);
        return true;
    }

    private sealed class Tally
    {
        public int Issued { get; set; }

        public int PeriodsClaimed { get; set; }

        public int Resumed { get; set; }

        public int FoundIssued { get; set; }

        public int ClaimedElsewhere { get; set; }

        public List<string> Numbers { get; } = [];

        public List<RecurringFailure> Failures { get; } = [];

        public void Fail(string scheduleId, LocalDate periodStart, IReadOnlyList<ValidationIssue> issues) =>
            Failures.Add(new RecurringFailure(scheduleId, periodStart, issues));

        public RecurringRunResult ToResult() => new()
        {
            Issued = Issued,
            PeriodsClaimed = PeriodsClaimed,
            Resumed = Resumed,
            FoundIssued = FoundIssued,
            ClaimedElsewhere = ClaimedElsewhere,
            InvoiceNumbers = Numbers,
            Failures = Failures,
        };
    }
}
