using NodaTime;

namespace Invoicing.Core;

/// <summary>Received documents in memory, behind one lock.</summary>
internal sealed class InMemoryReceivedDocumentStore : IReceivedDocumentStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ReceivedDocument> _documents = new(StringComparer.Ordinal);

    public Task<bool> AddAsync(ReceivedDocument document, CancellationToken cancellationToken = default)
    {
        ReceivedDocuments.Check(document);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // A copy of the bytes: the caller's buffer may change after the call, a stored document does not.
            return Task.FromResult(_documents.TryAdd(document.FlowId, document with { Content = document.Content.ToArray() }));
        }
    }

    public Task<ReceivedDocument?> GetAsync(string flowId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flowId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_documents.GetValueOrDefault(flowId));
        }
    }

    public Task<IReadOnlyList<ReceivedDocument>> ListAsync(bool awaitingStatusOnly = false, int maxCount = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ReceivedDocument>>(_documents.Values
                .Where(d => !awaitingStatusOnly || d.BuyerStatus is null)
                .OrderBy(d => d.ReceivedAt)
                .ThenBy(d => d.FlowId, StringComparer.Ordinal)
                .Take(maxCount)
                .ToArray());
        }
    }

    public Task<bool> RecordBuyerStatusAsync(string flowId, string status, Instant sentAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flowId);
        ReceivedDocuments.CheckStatus(status);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_documents.TryGetValue(flowId, out var document))
            {
                return Task.FromResult(false);
            }

            _documents[flowId] = document with { BuyerStatus = status, BuyerStatusAt = sentAt };
            return Task.FromResult(true);
        }
    }
}
