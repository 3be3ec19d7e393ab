using System.Runtime.CompilerServices;

namespace Invoicing.Core;

/// <summary>
/// The reference sync ledger: dictionaries under one lock, the drafts kept in the in-memory invoice store it was made
/// for. A draft is only replaced or deleted while it is still there, so a draft the issue removed never comes back.
/// </summary>
internal sealed class InMemoryCrmSyncStore(InMemoryInvoiceStore invoices) : ICrmSyncStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Source, string RecordId), CrmSyncRecord> _records = [];
    private readonly Dictionary<(string Source, string Stream), string> _cursors = [];

    public Task<CrmSyncOutcome> ApplyAsync(CrmSyncChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var key = (change.Source, change.RecordId);
            var existing = _records.GetValueOrDefault(key);
            var draftExists = existing is not null && invoices.GetDraftAsync(change.DraftId, CancellationToken.None).GetAwaiter().GetResult() is not null;
            var decision = CrmSyncRules.Decide(existing, draftExists, change);
            var outcome = decision.Outcome;
            var state = decision.NewState;
            switch (decision.DraftAction)
            {
                case CrmDraftAction.Write when outcome == CrmSyncOutcome.Updated:
                    if (!invoices.TryReplaceDraft(change.DraftId, change.Draft!))
                    {
                        (outcome, state) = (CrmSyncOutcome.Reported, CrmSyncState.Reported);
                    }

                    break;
                case CrmDraftAction.Write:
                    invoices.SaveDraftAsync(change.Draft!, change.DraftId, CancellationToken.None).GetAwaiter().GetResult();
                    break;
                case CrmDraftAction.Delete:
                    if (!invoices.DeleteDraftAsync(change.DraftId, CancellationToken.None).GetAwaiter().GetResult())
                    {
                        (outcome, state) = (CrmSyncOutcome.Reported, CrmSyncState.Reported);
                    }

                    break;
            }

            if (state is { } newState)
            {
                _records[key] = new CrmSyncRecord
                {
                    Source = change.Source,
                    RecordId = change.RecordId,
                    Version = change.Version,
                    DraftId = change.DraftId,
                    State = newState,
                    HeldReason = newState == CrmSyncState.Held ? change.HeldReason : null,
                    UpdatedAt = change.Now,
                };
            }

            return Task.FromResult(outcome);
        }
    }

    public Task<CrmSyncRecord?> GetAsync(string source, string recordId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(recordId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_records.GetValueOrDefault((source, recordId)));
        }
    }

    public IAsyncEnumerable<CrmSyncRecord> ListAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_gate)
        {
            return Stream(_records.Values.Where(r => r.Source == source).OrderBy(r => r.RecordId, StringComparer.Ordinal).ToArray(), cancellationToken);
        }
    }

    public Task<string?> GetCursorAsync(string source, string stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(stream);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_cursors.GetValueOrDefault((source, stream)));
        }
    }

    public Task SaveCursorAsync(string source, string stream, string cursor, CancellationToken cancellationToken = default)
    {
        var key = CrmSyncRules.CursorKey(source, stream, cursor);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _cursors[key] = cursor;
        }

        return Task.CompletedTask;
    }

    public Task ResetCursorsAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var key in _cursors.Keys.Where(k => k.Source == source).ToArray())
            {
                _cursors.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    private static async IAsyncEnumerable<CrmSyncRecord> Stream(CrmSyncRecord[] records, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
