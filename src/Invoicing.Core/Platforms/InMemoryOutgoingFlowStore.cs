using NodaTime;

namespace Invoicing.Core;

/// <summary>The reference store of outgoing flows: a dictionary under one lock, so every operation is atomic.</summary>
internal sealed class InMemoryOutgoingFlowStore : IOutgoingFlowStore
{
    private readonly Dictionary<(string Invoice, string Platform), OutgoingFlow> _flows = [];
    private readonly Lock _gate = new();

    public Task<OutgoingFlowClaim> TryClaimAsync(OutgoingFlowClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var key = (request.InvoiceNumber, request.Platform);
            if (!_flows.TryGetValue(key, out var existing))
            {
                if (_flows.Values.Any(f => f.Platform == request.Platform && f.TrackingId == request.TrackingId))
                {
                    throw OutgoingFlowClaimDecision.TrackingIdTaken(request);
                }

                var created = OutgoingFlowClaimDecision.Created(request);
                _flows.Add(key, created);
                return Task.FromResult(new OutgoingFlowClaim(OutgoingFlowClaimOutcome.Claimed, created));
            }

            var outcome = OutgoingFlowClaimDecision.Decide(existing, request.Now);
            if (outcome == OutgoingFlowClaimOutcome.TakenOver)
            {
                existing = OutgoingFlowClaimDecision.TakenOver(existing, request);
                _flows[key] = existing;
            }

            return Task.FromResult(new OutgoingFlowClaim(outcome, existing));
        }
    }

    public Task<bool> MarkSentAsync(string invoiceNumber, string platform, string workerId, string flowId, Instant sentAt, CancellationToken cancellationToken = default) =>
        Change(invoiceNumber, platform, f => f.State == OutgoingFlowState.Sending && f.WorkerId == workerId && !string.IsNullOrEmpty(flowId), f => f with { State = OutgoingFlowState.Sent, FlowId = flowId, SentAt = sentAt, Reason = null }, cancellationToken);

    public Task<bool> MarkFailedAsync(string invoiceNumber, string platform, string workerId, string reason, Instant retryAt, CancellationToken cancellationToken = default) =>
        Change(invoiceNumber, platform, f => f.State == OutgoingFlowState.Sending && f.WorkerId == workerId, f => f with { Reason = reason, LeaseExpiresAt = retryAt }, cancellationToken);

    public Task<bool> RecordAcknowledgementAsync(string invoiceNumber, string platform, bool accepted, string? reason, Instant at, CancellationToken cancellationToken = default) =>
        Change(
            invoiceNumber,
            platform,
            f => accepted ? f.State == OutgoingFlowState.Sent : f.State != OutgoingFlowState.Rejected,
            f => f with { State = accepted ? OutgoingFlowState.Acknowledged : OutgoingFlowState.Rejected, Reason = accepted ? null : reason, AcknowledgedAt = at },
            cancellationToken);

    public Task<OutgoingFlow?> GetAsync(string invoiceNumber, string platform, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(invoiceNumber is null || platform is null ? null : _flows.GetValueOrDefault((invoiceNumber, platform)));
        }
    }

    public Task<IReadOnlyList<OutgoingFlow>> ListByInvoiceAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutgoingFlow>>([.. _flows.Values.Where(f => f.InvoiceNumber == invoiceNumber).OrderBy(f => f.Platform, StringComparer.Ordinal)]);
        }
    }

    public Task<IReadOnlyList<OutgoingFlow>> ListAsync(string platform, OutgoingFlowState state, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutgoingFlow>>([.. _flows.Values.Where(f => f.Platform == platform && f.State == state).OrderBy(f => f.CreatedAt).ThenBy(f => f.InvoiceNumber, StringComparer.Ordinal)]);
        }
    }

    private Task<bool> Change(string invoiceNumber, string platform, Func<OutgoingFlow, bool> expected, Func<OutgoingFlow, OutgoingFlow> change, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (invoiceNumber is null || platform is null || !_flows.TryGetValue((invoiceNumber, platform), out var flow) || !expected(flow))
            {
                return Task.FromResult(false);
            }

            _flows[(invoiceNumber, platform)] = change(flow);
            return Task.FromResult(true);
        }
    }
}
