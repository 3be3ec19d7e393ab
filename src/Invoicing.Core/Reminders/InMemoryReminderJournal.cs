using System.Runtime.CompilerServices;
using NodaTime;

namespace Invoicing.Core;

/// <summary>The reference journal: a dictionary under one lock, so every operation is atomic.</summary>
internal sealed class InMemoryReminderJournal(InMemoryInvoiceStore? events = null) : IReminderJournal
{
    private readonly Dictionary<ReminderKey, ReminderEntry> _entries = [];
    private readonly Dictionary<string, List<ReminderKey>> _byInvoice = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<ReminderClaim> TryClaimAsync(ReminderClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_entries.TryGetValue(request.Key, out var existing))
            {
                var created = new ReminderEntry
                {
                    Key = request.Key,
                    State = ReminderState.Claimed,
                    MessageId = request.MessageId,
                    PlannedFor = request.PlannedFor,
                    WorkerId = request.WorkerId,
                    LeaseExpiresAt = request.LeaseExpiresAt,
                    Attempts = 1,
                    CreatedAt = request.Now,
                };
                _entries.Add(request.Key, created);
                if (!_byInvoice.TryGetValue(request.Key.InvoiceNumber, out var keys))
                {
                    _byInvoice.Add(request.Key.InvoiceNumber, keys = []);
                }

                keys.Add(request.Key);
                return Task.FromResult(new ReminderClaim(ReminderClaimOutcome.Claimed, created));
            }

            var outcome = ReminderClaimDecision.Decide(existing, request.Now);
            if (outcome is ReminderClaimOutcome.TakenOver or ReminderClaimOutcome.Retrying)
            {
                existing = existing with
                {
                    State = ReminderState.Claimed,
                    WorkerId = request.WorkerId,
                    LeaseExpiresAt = request.LeaseExpiresAt,
                    Attempts = existing.Attempts + 1,
                    NextAttemptAt = null,
                };
                _entries[request.Key] = existing;
            }

            return Task.FromResult(new ReminderClaim(outcome, existing));
        }
    }

    public Task<bool> MarkSentAsync(ReminderKey key, string workerId, Instant sentAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry) || entry.State != ReminderState.Claimed || entry.WorkerId != workerId)
            {
                return Task.FromResult(false);
            }

            _entries[key] = entry with { State = ReminderState.Sent, SentAt = sentAt, LastError = null };

            // Under the journal's lock, so the event is in the outbox before anyone sees the entry as sent.
            events?.RecordForNumber(InvoiceEventKind.Reminded, key.InvoiceNumber, sentAt, InvoiceEvents.RemindedData(key.StepId, entry.MessageId));
            return Task.FromResult(true);
        }
    }

    public Task<bool> MarkFailedAsync(ReminderKey key, string workerId, ReminderFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry) || entry.State != ReminderState.Claimed || entry.WorkerId != workerId)
            {
                return Task.FromResult(false);
            }

            _entries[key] = entry with
            {
                State = failure.Permanent ? ReminderState.FailedPermanent : ReminderState.FailedTransient,
                LastError = failure.Reason,
                NextAttemptAt = failure.Permanent ? null : failure.RetryAt ?? failure.At,
            };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<ReminderEntry>> ListByInvoiceAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<ReminderEntry> result = invoiceNumber is not null && _byInvoice.TryGetValue(invoiceNumber, out var keys)
                ? keys.Select(k => _entries[k]).ToArray()
                : [];
            return Task.FromResult(result);
        }
    }

    public async IAsyncEnumerable<ReminderEntry> ListUnfinishedAsync(Instant now, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ReminderEntry[] due;
        lock (_gate)
        {
            due = _entries.Values
                .Where(e => ReminderClaimDecision.Decide(e, now) is ReminderClaimOutcome.TakenOver or ReminderClaimOutcome.Retrying)
                .OrderBy(e => e.CreatedAt)
                .ToArray();
        }

        foreach (var entry in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
