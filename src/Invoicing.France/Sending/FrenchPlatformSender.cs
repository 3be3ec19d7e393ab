using Invoicing.Core;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.France;

/// <summary>The platform sender over the store, the Directory and the Flow clients (see <see cref="IFrenchPlatformSender"/>).</summary>
internal sealed class FrenchPlatformSender(
    IInvoiceStore invoices,
    IOutgoingFlowStore flows,
    IFlowServiceClient flowService,
    IDirectoryServiceClient directory,
    IOptionsMonitor<FrenchPlatformOptions> options,
    IClock clock) : IFrenchPlatformSender
{
    /// <summary>How long a failed send waits before a later call retries it.</summary>
    private static readonly Duration RetryAfterFailure = Duration.FromMinutes(1);

    public async Task<PlatformSendResult> SendAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        var o = options.CurrentValue;
        var issued = await invoices.GetAsync(invoiceNumber ?? string.Empty, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoiceValidationException(ValidationIssue.Error("PA-INVOICE", "invoiceNumber", $"No issued invoice is numbered '{invoiceNumber}': only issued invoices are sent."));
        var number = issued.Document.Number!;
        if (await flows.GetAsync(number, o.PlatformName, cancellationToken).ConfigureAwait(false) is { } known && known.State != OutgoingFlowState.Sending)
        {
            return Finished(known);
        }

        // Where it goes, before anything is recorded: a buyer outside the directory fails here and leaves no trace.
        var buyer = issued.Document.Buyer;
        var siren = buyer.LegalId is { Scheme: Identifier.SirenScheme or null } legal && FrenchIdentifiers.SirenOf(legal.Value) is { } s
            ? s
            : throw new InvoiceValidationException(ValidationIssue.Error("PA-BUYER", "buyer.legalId", $"The buyer of {number} has no SIREN (BT-47, scheme 0002): the directory finds a buyer by its SIREN."));
        var siret = buyer.Identifiers.Where(i => i.Scheme == "0009" && FrenchIdentifiers.IsValidSiret(i.Value) && i.Value.StartsWith(siren, StringComparison.Ordinal)).Select(i => i.Value).FirstOrDefault();
        await directory.FindRouteAsync(siren, siret, null, cancellationToken).ConfigureAwait(false);

        var worker = Guid.NewGuid().ToString("N");
        var now = clock.GetCurrentInstant();
        var claim = await flows.TryClaimAsync(
            new OutgoingFlowClaimRequest(number, o.PlatformName, TrackingIds.For(number), worker, now, now + Duration.FromTimeSpan(o.SendClaimTimeout)),
            cancellationToken).ConfigureAwait(false);
        switch (claim.Outcome)
        {
            case OutgoingFlowClaimOutcome.HeldByAnotherWorker:
                return new PlatformSendResult(PlatformSendOutcome.InProgressElsewhere, claim.Flow);
            case OutgoingFlowClaimOutcome.AlreadySent or OutgoingFlowClaimOutcome.Rejected:
                return Finished(claim.Flow);
            case OutgoingFlowClaimOutcome.TakenOver when await FindOnPlatformAsync(claim.Flow.TrackingId, cancellationToken).ConfigureAwait(false) is { } earlier:
                return await RecordFoundAsync(claim.Flow, worker, earlier, cancellationToken).ConfigureAwait(false);
        }

        return await SubmitAsync(issued, claim.Flow, worker, o, cancellationToken).ConfigureAwait(false);
    }

    public async Task<OutgoingFlow?> RefreshAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        var platform = options.CurrentValue.PlatformName;
        var flow = await flows.GetAsync(invoiceNumber ?? string.Empty, platform, cancellationToken).ConfigureAwait(false);
        if (flow is not { State: OutgoingFlowState.Sent, FlowId: { } flowId })
        {
            return flow;
        }

        if (await flowService.GetAsync(flowId, cancellationToken).ConfigureAwait(false) is { AckStatus: not FlowAckStatus.Pending } known)
        {
            await RecordVerdictAsync(flow, known, cancellationToken).ConfigureAwait(false);
        }

        return await flows.GetAsync(flow.InvoiceNumber, platform, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PlatformSendResult> SubmitAsync(IssuedInvoice issued, OutgoingFlow flow, string worker, FrenchPlatformOptions o, CancellationToken cancellationToken)
    {
        FlowReceipt receipt;
        try
        {
            var (info, file) = InvoiceFlowFile.Create(issued, o.InvoiceSyntax, flow.TrackingId);
            receipt = await flowService.SubmitAsync(info, file, cancellationToken).ConfigureAwait(false);
        }
        catch (FrenchPlatformException e) when (!e.IsTransient && e.StatusCode is not (401 or 403))
        {
            // The platform refused the submission itself (400, 413, 422): sending the same file again gives the same answer.
            var reason = e.ErrorCode is { } code ? $"{code}: {e.PlatformMessage ?? e.Message}" : e.Message;
            await flows.RecordAcknowledgementAsync(flow.InvoiceNumber, flow.Platform, accepted: false, reason, clock.GetCurrentInstant(), CancellationToken.None).ConfigureAwait(false);
            throw new FlowRejectedException(flow.InvoiceNumber, flow.Platform, reason);
        }
        catch (Exception e) when (e is FrenchPlatformException or InvoiceValidationException)
        {
            // Passing failures, sign-in refusals and invoices that cannot be rendered: recorded, retried by a later call.
            await flows.MarkFailedAsync(flow.InvoiceNumber, flow.Platform, worker, e.Message, clock.GetCurrentInstant() + RetryAfterFailure, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await flows.MarkSentAsync(flow.InvoiceNumber, flow.Platform, worker, receipt.FlowId, clock.GetCurrentInstant(), CancellationToken.None).ConfigureAwait(false);
        return new PlatformSendResult(PlatformSendOutcome.Sent, (await flows.GetAsync(flow.InvoiceNumber, flow.Platform, cancellationToken).ConfigureAwait(false))!);
    }

    private async Task<PlatformFlow?> FindOnPlatformAsync(string trackingId, CancellationToken cancellationToken)
    {
        var page = await flowService.SearchAsync(new FlowSearchCriteria { TrackingId = trackingId, Direction = FlowDirection.Out }, cancellationToken).ConfigureAwait(false);
        return page.Flows.Where(f => f.TrackingId == trackingId).OrderBy(f => f.SubmittedAt).FirstOrDefault();
    }

    private async Task<PlatformSendResult> RecordFoundAsync(OutgoingFlow flow, string worker, PlatformFlow earlier, CancellationToken cancellationToken)
    {
        await flows.MarkSentAsync(flow.InvoiceNumber, flow.Platform, worker, earlier.FlowId, earlier.SubmittedAt, cancellationToken).ConfigureAwait(false);
        var recorded = (await flows.GetAsync(flow.InvoiceNumber, flow.Platform, cancellationToken).ConfigureAwait(false))!;
        if (earlier.AckStatus != FlowAckStatus.Pending)
        {
            await RecordVerdictAsync(recorded, earlier, cancellationToken).ConfigureAwait(false);
            recorded = (await flows.GetAsync(flow.InvoiceNumber, flow.Platform, cancellationToken).ConfigureAwait(false))!;
        }

        return recorded.State == OutgoingFlowState.Rejected ? Finished(recorded) : new PlatformSendResult(PlatformSendOutcome.FoundOnPlatform, recorded);
    }

    private Task<bool> RecordVerdictAsync(OutgoingFlow flow, PlatformFlow known, CancellationToken cancellationToken) =>
        flows.RecordAcknowledgementAsync(flow.InvoiceNumber, flow.Platform, known.AckStatus == FlowAckStatus.Ok, known.ErrorReasons is { Length: > 0 } r ? r : null, known.UpdatedAt, cancellationToken);

    private static PlatformSendResult Finished(OutgoingFlow flow) => flow.State == OutgoingFlowState.Rejected
        ? throw new FlowRejectedException(flow.InvoiceNumber, flow.Platform, flow.Reason)
        : new PlatformSendResult(PlatformSendOutcome.AlreadySent, flow);
}
