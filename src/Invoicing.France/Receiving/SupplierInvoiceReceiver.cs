using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.France;

/// <summary>
/// Receives supplier invoices from the platform: fetches the incoming invoice flows, reads and validates each (see
/// <see cref="ReceivedDocument"/>), stores it once by flow id apart from the seller's own numbering, and sends the
/// buyer's status back to the supplier as a CDAR flow: 210 "refused" with the validation errors for an invalid
/// invoice, and 205 "approved" or 210 when the host decides (<see cref="ApproveAsync"/>, <see cref="RefuseAsync"/>).
/// A status is sent with a tracking id derived from the flow and the status, so a resend after a crash is the same
/// flow to the platform, never a second status.
/// </summary>
public sealed class SupplierInvoiceReceiver
{
    private readonly IFlowServiceClient _flows;
    private readonly IReceivedDocumentStore _store;
    private readonly IClock _clock;

    /// <summary>Creates the receiver over the platform's Flow Service and the host's store of received documents.</summary>
    public SupplierInvoiceReceiver(IFlowServiceClient flows, IReceivedDocumentStore store, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        (_flows, _store, _clock) = (flows, store, clock);
    }

    /// <summary>
    /// Fetches every incoming supplier invoice flow, stores those not stored yet, and refuses the invalid ones (those
    /// refused before but not recorded, after a crash, are refused again under the same tracking id).
    /// </summary>
    /// <exception cref="FrenchPlatformException">The platform failed or refused a call.</exception>
    public async Task<ReceiveResult> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        var stored = new List<string>();
        var already = 0;
        string? cursor = null;
        do
        {
            var page = await _flows.SearchAsync(new FlowSearchCriteria { Direction = FlowDirection.In, Types = [FlowType.SupplierInvoice], Limit = 100, Cursor = cursor }, cancellationToken).ConfigureAwait(false);
            foreach (var flow in page.Flows)
            {
                if (await _store.GetAsync(flow.FlowId, cancellationToken).ConfigureAwait(false) is not null)
                {
                    already++;
                    continue;
                }

                var file = await _flows.DownloadAsync(flow.FlowId, FlowDocumentType.Original, cancellationToken).ConfigureAwait(false);
                if (await _store.AddAsync(ReceivedDocumentReader.Read(flow, file, _clock.GetCurrentInstant()), cancellationToken).ConfigureAwait(false))
                {
                    stored.Add(flow.FlowId);
                }
                else
                {
                    already++;
                }
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var refused = new List<string>();
        foreach (var document in await _store.ListAsync(awaitingStatusOnly: true, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (document.Invoice is not null && !document.IsValid)
            {
                var errors = document.Issues.Where(i => i.Severity == ValidationSeverity.Error).Take(5).Select(i => $"{i.RuleId} {i.Path}: {i.Message}");
                await SendAsync(document, LifecycleStatus.Refused, new StatusReason("NON_CONFORME", Truncate(string.Join(" | ", errors), CdarRules.MaxTextLength)), cancellationToken).ConfigureAwait(false);
                refused.Add(document.FlowId);
            }
        }

        return new ReceiveResult(stored, already, refused);
    }

    /// <summary>Sends 205 "approved" for a received invoice and records it.</summary>
    /// <exception cref="InvoiceValidationException">FR-RECEIVED-UNKNOWN, FR-RECEIVED-UNREADABLE, FR-STATUS-SELLER-ID, or a rule of the message.</exception>
    /// <exception cref="FrenchPlatformException">The platform failed or refused the flow.</exception>
    public async Task<FlowReceipt> ApproveAsync(string flowId, CancellationToken cancellationToken = default) =>
        await SendAsync(await RequireAsync(flowId, cancellationToken).ConfigureAwait(false), LifecycleStatus.Approved, null, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends 210 "refused" with its reason for a received invoice and records it.</summary>
    /// <exception cref="InvoiceValidationException">As <see cref="ApproveAsync"/>; a reason 210 does not allow (BR-FR-CDV-CL-09).</exception>
    /// <exception cref="FrenchPlatformException">The platform failed or refused the flow.</exception>
    public async Task<FlowReceipt> RefuseAsync(string flowId, StatusReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return await SendAsync(await RequireAsync(flowId, cancellationToken).ConfigureAwait(false), LifecycleStatus.Refused, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The buyer's status about a received invoice, from the buyer (by the SIREN of BT-47) to the seller.</summary>
    /// <exception cref="InvoiceValidationException">FR-RECEIVED-UNREADABLE, FR-STATUS-SELLER-ID, or a rule of the message.</exception>
    public CdarMessage BuyerStatus(ReceivedDocument document, LifecycleStatus status, StatusReason? reason)
    {
        ArgumentNullException.ThrowIfNull(document);
        var invoice = document.Invoice ?? throw new InvoiceValidationException(ValidationIssue.Error("FR-RECEIVED-UNREADABLE", "flowId", $"The document of flow {document.FlowId} could not be read, so it names no invoice to give a status about."));
        var seller = PartySiren.Of(invoice.Seller, "seller");
        var message = new CdarMessage
        {
            MessageId = TrackingId(document.FlowId, status),
            IssuedAt = _clock.GetCurrentInstant(),
            Sender = new CdarParty { Role = CdarRoles.Buyer },
            Issuer = CdarParty.Buyer(PartySiren.Of(invoice.Buyer, "buyer"), invoice.Buyer.Name),
            Recipients = [CdarParty.Seller(seller, invoice.Seller.Name, invoice.Seller.ElectronicAddress)],
            Reports =
            [
                new InvoiceStatusReport
                {
                    InvoiceNumber = invoice.Number ?? document.FlowId,
                    InvoiceIssueDate = invoice.IssueDate,
                    DocumentTypeCode = ((int)invoice.Type).ToString(CultureInfo.InvariantCulture),
                    Status = status,
                    Seller = CdarParty.Seller(seller, invoice.Seller.Name),
                    Reasons = reason is null ? [] : [reason],
                },
            ],
        };
        CdarWriter.Validate(message).ThrowIfInvalid();
        return message;
    }

    private async Task<ReceivedDocument> RequireAsync(string flowId, CancellationToken cancellationToken)
    {
        ReceivedDocuments.CheckFlowId(flowId);
        return await _store.GetAsync(flowId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoiceValidationException(ValidationIssue.Error("FR-RECEIVED-UNKNOWN", "flowId", $"No document of flow '{flowId}' was received."));
    }

    private async Task<FlowReceipt> SendAsync(ReceivedDocument document, LifecycleStatus status, StatusReason? reason, CancellationToken cancellationToken)
    {
        var message = BuyerStatus(document, status, reason);
        var info = new FlowInfo("CDAR-" + message.MessageId + ".xml", FlowSyntax.Cdar, TrackingId: message.MessageId);
        var receipt = await _flows.SubmitAsync(info, CdarWriter.ToBytes(message), cancellationToken).ConfigureAwait(false);
        await _store.RecordBuyerStatusAsync(document.FlowId, LifecycleStatuses.Code(status), message.IssuedAt, cancellationToken).ConfigureAwait(false);
        return receipt;
    }

    /// <summary>The same for the same flow and status, so a resend is recognised by the platform (at most 64 characters).</summary>
    private static string TrackingId(string flowId, LifecycleStatus status) =>
        "BS" + LifecycleStatuses.Code(status) + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(flowId))).AsSpan(0, 40).ToString();

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
