using System.Runtime.CompilerServices;
using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// The reference schedule store: dictionaries under one lock, the occurrence drafts kept in the in-memory invoice
/// store it was made for (a claim saves the draft under this store's lock, so claim and draft go together).
/// </summary>
internal sealed class InMemoryRecurringScheduleStore(InMemoryInvoiceStore invoices) : IRecurringScheduleStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, RecurringScheduleState> _schedules = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ScheduleId, LocalDate PeriodStart), RecurringOccurrence> _ledger = [];

    public Task SaveAsync(RecurringSchedule schedule, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        RecurringRules.CheckSchedule(schedule);
        lock (_gate)
        {
            var state = _schedules.TryGetValue(schedule.Id, out var existing)
                ? existing with { Schedule = schedule }
                : new RecurringScheduleState { Schedule = schedule };
            _schedules[schedule.Id] = state with { NextDueAt = RecurringRules.NextDueAt(schedule, state.BilledThrough, state.BillFrom) };
        }

        return Task.CompletedTask;
    }

    public Task<RecurringScheduleState?> GetAsync(string scheduleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduleId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_schedules.GetValueOrDefault(scheduleId));
        }
    }

    public IAsyncEnumerable<RecurringScheduleState> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Stream(_schedules.Values.ToArray(), cancellationToken);
        }
    }

    public IAsyncEnumerable<RecurringScheduleState> ListDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Stream(
                _schedules.Values.Where(s => !s.IsPaused && s.NextDueAt <= now).OrderBy(s => s.NextDueAt).ThenBy(s => s.Schedule.Id, StringComparer.Ordinal).ToArray(),
                cancellationToken);
        }
    }

    public Task<bool> PauseAsync(string scheduleId, Instant pausedAt, CancellationToken cancellationToken = default) =>
        Update(scheduleId, state => state.IsPaused ? state : state with { PausedAt = pausedAt }, cancellationToken);

    public Task<bool> ResumeAsync(string scheduleId, LocalDate? billFrom = null, CancellationToken cancellationToken = default) =>
        Update(
            scheduleId,
            state =>
            {
                var from = billFrom ?? state.BillFrom;
                return state with { PausedAt = null, BillFrom = from, NextDueAt = RecurringRules.NextDueAt(state.Schedule, state.BilledThrough, from) };
            },
            cancellationToken);

    public Task<bool> TryClaimAsync(OccurrenceClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_schedules.TryGetValue(request.ScheduleId, out var state) || state.IsPaused || state.BilledThrough != request.ExpectedBilledThrough
                || request.Periods.Any(p => _ledger.ContainsKey((request.ScheduleId, p.Start))))
            {
                return Task.FromResult(false);
            }

            // The draft is saved under this lock: no other claim of these periods can run before it is there.
            invoices.SaveDraftAsync(request.Draft, request.DraftId, cancellationToken).GetAwaiter().GetResult();
            foreach (var period in request.Periods)
            {
                _ledger.Add((request.ScheduleId, period.Start), new RecurringOccurrence
                {
                    ScheduleId = request.ScheduleId,
                    PeriodStart = period.Start,
                    PeriodEnd = period.End,
                    DraftId = request.DraftId,
                    State = OccurrenceState.Claimed,
                    WorkerId = request.WorkerId,
                    LeaseExpiresAt = request.LeaseExpiresAt,
                    ClaimedAt = request.Now,
                    Attempts = 1,
                });
            }

            _schedules[request.ScheduleId] = state with { BilledThrough = request.Periods[^1].End, NextDueAt = request.NextDueAt };
            return Task.FromResult(true);
        }
    }

    public Task<OccurrenceTakeOverOutcome> TryTakeOverAsync(OccurrenceTakeOverRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var rows = RowsOf(request.DraftId);
            if (rows.Count == 0)
            {
                return Task.FromResult(OccurrenceTakeOverOutcome.Unknown);
            }

            if (rows[0].State == OccurrenceState.Issued)
            {
                return Task.FromResult(OccurrenceTakeOverOutcome.AlreadyIssued);
            }

            if (rows[0].LeaseExpiresAt > request.Now)
            {
                return Task.FromResult(OccurrenceTakeOverOutcome.Held);
            }

            var replaced = invoices.TryReplaceDraft(request.DraftId, request.Draft);
            foreach (var row in rows)
            {
                _ledger[(row.ScheduleId, row.PeriodStart)] = replaced
                    ? row with { WorkerId = request.WorkerId, LeaseExpiresAt = request.LeaseExpiresAt, Attempts = row.Attempts + 1 }
                    : row with { WorkerId = request.WorkerId, State = OccurrenceState.Issued, IssuedAt = request.Now, Attempts = row.Attempts + 1 };
            }

            return Task.FromResult(replaced ? OccurrenceTakeOverOutcome.TakenOver : OccurrenceTakeOverOutcome.FoundIssued);
        }
    }

    public Task<bool> MarkIssuedAsync(DraftId draftId, string workerId, string invoiceNumber, Instant issuedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoiceNumber);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var rows = RowsOf(draftId);
            if (rows.Count == 0 || rows[0].State != OccurrenceState.Claimed || rows[0].WorkerId != workerId)
            {
                return Task.FromResult(false);
            }

            foreach (var row in rows)
            {
                _ledger[(row.ScheduleId, row.PeriodStart)] = row with { State = OccurrenceState.Issued, IssuedAt = issuedAt, InvoiceNumber = invoiceNumber };
            }

            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<RecurringOccurrence>> ListOccurrencesAsync(string scheduleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduleId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<RecurringOccurrence> rows = [.. _ledger.Values.Where(o => o.ScheduleId == scheduleId).OrderBy(o => o.PeriodStart)];
            return Task.FromResult(rows);
        }
    }

    public IAsyncEnumerable<RecurringOccurrence> ListUnfinishedAsync(Instant now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Stream(
                _ledger.Values.Where(o => o.State == OccurrenceState.Claimed && o.LeaseExpiresAt <= now)
                    .OrderBy(o => o.ClaimedAt).ThenBy(o => o.ScheduleId, StringComparer.Ordinal).ThenBy(o => o.PeriodStart).ToArray(),
                cancellationToken);
        }
    }

    private List<RecurringOccurrence> RowsOf(DraftId draftId) => [.. _ledger.Values.Where(o => o.DraftId == draftId).OrderBy(o => o.PeriodStart)];

    private Task<bool> Update(string scheduleId, Func<RecurringScheduleState, RecurringScheduleState> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduleId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_schedules.TryGetValue(scheduleId, out var state))
            {
                return Task.FromResult(false);
            }

            _schedules[scheduleId] = change(state);
            return Task.FromResult(true);
        }
    }

    private static async IAsyncEnumerable<T> Stream<T>(T[] items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
