using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// Where recurring schedules and their occurrence ledger live, beside the invoice store whose drafts they create.
/// Every implementation (in-memory, SQLite, PostgreSQL) passes one conformance suite.
/// </summary>
/// <remarks>
/// Exactly once per (schedule, period): <see cref="TryClaimAsync"/> records the ledger rows and saves the occurrence's
/// draft in one transaction, only if the schedule is still billed through the day the worker planned from, so a period
/// is claimed once, ever; the invoice store's issue deletes the draft in the issuing transaction, so a draft is issued
/// once, ever. A worker that stops between claim and issue leaves a claim that expires; <see cref="TryTakeOverAsync"/>
/// then hands the draft to the next worker, or, when the draft is gone, marks the occurrence issued.
/// </remarks>
public interface IRecurringScheduleStore
{
    /// <summary>Saves a new schedule or replaces the definition of one; its pause, billed-through day and ledger are kept.</summary>
    /// <exception cref="InvoiceValidationException">The schedule breaks a rule of <see cref="RecurringRules.CheckSchedule"/>.</exception>
    Task SaveAsync(RecurringSchedule schedule, CancellationToken cancellationToken = default);

    /// <summary>Returns a schedule with its state, or null.</summary>
    Task<RecurringScheduleState?> GetAsync(string scheduleId, CancellationToken cancellationToken = default);

    /// <summary>Streams every schedule, by id (ordinal).</summary>
    IAsyncEnumerable<RecurringScheduleState> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Streams the schedules not paused whose next period fell due at or before <paramref name="now"/>, soonest first.</summary>
    IAsyncEnumerable<RecurringScheduleState> ListDueAsync(Instant now, CancellationToken cancellationToken = default);

    /// <summary>Pauses a schedule: nothing is claimed for it until it is resumed. False when there is no such schedule; pausing twice keeps the first instant.</summary>
    Task<bool> PauseAsync(string scheduleId, Instant pausedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resumes a schedule. With <paramref name="billFrom"/>, the periods falling due before that day are not invoiced
    /// (nothing was served during the hold); without it, the missed periods are caught up. False when there is no such schedule.
    /// </summary>
    Task<bool> ResumeAsync(string scheduleId, LocalDate? billFrom = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the periods of <paramref name="request"/> and saves their draft, in one transaction; true when claimed.
    /// False, with nothing changed, when the schedule is unknown, paused, or no longer billed through
    /// <see cref="OccurrenceClaimRequest.ExpectedBilledThrough"/> (another worker claimed first).
    /// </summary>
    Task<bool> TryClaimAsync(OccurrenceClaimRequest request, CancellationToken cancellationToken = default);

    /// <summary>Takes over an occurrence whose claim expired unconfirmed; see <see cref="OccurrenceTakeOverOutcome"/>.</summary>
    Task<OccurrenceTakeOverOutcome> TryTakeOverAsync(OccurrenceTakeOverRequest request, CancellationToken cancellationToken = default);

    /// <summary>Records the invoice an occurrence became. True when it was claimed by <paramref name="workerId"/>; false (no change) otherwise.</summary>
    Task<bool> MarkIssuedAsync(DraftId draftId, string workerId, string invoiceNumber, Instant issuedAt, CancellationToken cancellationToken = default);

    /// <summary>The ledger of a schedule, by period start; empty when there is none.</summary>
    Task<IReadOnlyList<RecurringOccurrence>> ListOccurrencesAsync(string scheduleId, CancellationToken cancellationToken = default);

    /// <summary>Ledger rows still claimed whose lease ended at or before <paramref name="now"/>, oldest claim first.</summary>
    IAsyncEnumerable<RecurringOccurrence> ListUnfinishedAsync(Instant now, CancellationToken cancellationToken = default);
}
