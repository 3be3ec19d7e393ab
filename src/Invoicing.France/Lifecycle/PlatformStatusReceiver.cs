using Invoicing.Core;
using NodaTime;

namespace Invoicing.France;

/// <summary>
/// Fetches the lifecycle statuses the platform holds about the seller's invoices (incoming CDAR flows of type
/// <see cref="FlowType.CustomerInvoiceLifecycle"/>) and applies each with a <see cref="StatusApplier"/>. Applying is
/// idempotent, so fetching the same flows again (every pass starts from <c>since</c>) changes nothing twice.
/// </summary>
public sealed class PlatformStatusReceiver
{
    private readonly IFlowServiceClient _flows;
    private readonly StatusApplier _applier;

    /// <summary>Creates the receiver over the platform's Flow Service and the applier of the host's stores.</summary>
    public PlatformStatusReceiver(IFlowServiceClient flows, StatusApplier applier)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(applier);
        (_flows, _applier) = (flows, applier);
    }

    /// <summary>
    /// Applies every status flow changed after <paramref name="since"/> (all when null), in the platform's order. A flow
    /// whose file is not a valid status message is reported with the reader's refusal and the others still applied.
    /// </summary>
    /// <exception cref="FrenchPlatformException">The platform failed or refused a call.</exception>
    public async Task<IReadOnlyList<ReceivedStatusFlow>> ReceiveAsync(Instant? since = null, CancellationToken cancellationToken = default)
    {
        var received = new List<ReceivedStatusFlow>();
        string? cursor = null;
        do
        {
            var criteria = new FlowSearchCriteria { Direction = FlowDirection.In, Types = [FlowType.CustomerInvoiceLifecycle], UpdatedAfter = since, Limit = 100, Cursor = cursor };
            var page = await _flows.SearchAsync(criteria, cancellationToken).ConfigureAwait(false);
            foreach (var flow in page.Flows)
            {
                var file = await _flows.DownloadAsync(flow.FlowId, FlowDocumentType.Original, cancellationToken).ConfigureAwait(false);
                CdarMessage message;
                try
                {
                    message = CdarReader.Read(file);
                }
                catch (InvoiceFormatException exception)
                {
                    received.Add(new ReceivedStatusFlow(flow.FlowId, null, ValidationIssue.Error("FR-STATUS-UNREADABLE", exception.Path ?? "/", exception.Message)));
                    continue;
                }

                received.Add(new ReceivedStatusFlow(flow.FlowId, await _applier.ApplyAsync(message, cancellationToken).ConfigureAwait(false), null));
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return received;
    }
}

/// <summary>One status flow fetched from the platform.</summary>
/// <param name="FlowId">The platform's id of the flow.</param>
/// <param name="Application">What its statuses did; null when the file could not be read.</param>
/// <param name="Problem">Why the file could not be read, naming the rule and the element; null when it was applied.</param>
public sealed record ReceivedStatusFlow(string FlowId, StatusApplication? Application, ValidationIssue? Problem);
