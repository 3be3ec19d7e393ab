using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// The reminder journal, keyed by (invoice number, step id): the outbox of the dunning runner. A worker claims an
/// entry with a lease before sending (so the intent is recorded before the mail leaves), then marks it sent or failed.
/// Every implementation (in-memory, SQLite, PostgreSQL) must make <see cref="TryClaimAsync"/> atomic: of several
/// workers claiming the same key at once, exactly one owns it.
/// </summary>
/// <remarks>
/// Rules every implementation follows: a new key is inserted as <see cref="ReminderState.Claimed"/> with one attempt
/// and the request's Message-ID; a <see cref="ReminderState.Claimed"/> entry whose lease ended at or before
/// <see cref="ReminderClaimRequest.Now"/> is taken over (worker and lease replaced, attempts + 1, Message-ID kept);
/// a <see cref="ReminderState.FailedTransient"/> entry whose <see cref="ReminderEntry.NextAttemptAt"/> is at or before
/// now is retried the same way; anything else is refused without change.
/// </remarks>
public interface IReminderJournal
{
    /// <summary>Claims a reminder for sending. Atomic: of concurrent claims of one key, one at most is owned.</summary>
    Task<ReminderClaim> TryClaimAsync(ReminderClaimRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Confirms the reminder went out. True when the entry was <see cref="ReminderState.Claimed"/> by
    /// <paramref name="workerId"/>; false (no change) otherwise, for example when the lease was lost to another worker.
    /// </summary>
    Task<bool> MarkSentAsync(ReminderKey key, string workerId, Instant sentAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt: <see cref="ReminderState.FailedPermanent"/> or <see cref="ReminderState.FailedTransient"/>
    /// (retry at <see cref="ReminderFailure.RetryAt"/>). True when the entry was claimed by <paramref name="workerId"/>; false otherwise.
    /// </summary>
    Task<bool> MarkFailedAsync(ReminderKey key, string workerId, ReminderFailure failure, CancellationToken cancellationToken = default);

    /// <summary>Every entry of an invoice, in no particular order; empty when there is none.</summary>
    Task<IReadOnlyList<ReminderEntry>> ListByInvoiceAsync(string invoiceNumber, CancellationToken cancellationToken = default);

    /// <summary>
    /// Entries that need another attempt at <paramref name="now"/>: claimed with an expired lease (a worker stopped
    /// between claim and confirmation) and transient failures whose retry time has come.
    /// </summary>
    IAsyncEnumerable<ReminderEntry> ListUnfinishedAsync(Instant now, CancellationToken cancellationToken = default);
}
