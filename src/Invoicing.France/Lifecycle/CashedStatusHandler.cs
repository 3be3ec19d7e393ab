using Invoicing.Core;
using NodaTime;

namespace Invoicing.France;

/// <summary>
/// Sends the 212 "cashed" status for every payment of an invoice whose VAT is due on payment (BT-8 code 72, the French
/// default for services), as the French rules require of the seller. Register it with the event dispatcher: paid and
/// partly paid events come to it at least once, and each status goes out under a tracking id derived from the payment,
/// so a repeat is the same flow to the platform, never a second status.
/// </summary>
public sealed class CashedStatusHandler : IInvoiceEventHandler
{
    private readonly IInvoiceStore _invoices;
    private readonly IFlowServiceClient _flows;
    private readonly CdarParty? _sender;

    /// <summary>Creates the handler over the host's store and the platform's Flow Service.</summary>
    /// <param name="invoices">Where the paid invoices are.</param>
    /// <param name="flows">The platform's Flow Service.</param>
    /// <param name="sender">The seller's platform by its registration number, or null for the seller itself.</param>
    public CashedStatusHandler(IInvoiceStore invoices, IFlowServiceClient flows, CdarParty? sender = null)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(flows);
        (_invoices, _flows, _sender) = (invoices, flows, sender);
    }

    /// <inheritdoc />
    public string Name => "fr-cashed-status";

    /// <inheritdoc />
    public async Task HandleAsync(InvoiceEvent invoiceEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoiceEvent);
        if (invoiceEvent.Kind is not (InvoiceEventKind.Paid or InvoiceEventKind.PartlyPaid)
            || !invoiceEvent.Data.TryGetValue("paymentId", out var paymentId)
            || await _invoices.GetAccountAsync(invoiceEvent.InvoiceNumber, cancellationToken).ConfigureAwait(false) is not { } account
            || account.Invoice.Document.VatDueDateType != VatDueDateType.PaymentDate
            || account.Payments.FirstOrDefault(p => p.Id.ToString("D") == paymentId) is not { } payment)
        {
            return;
        }

        var messageId = "212-" + payment.Id.ToString("N");
        var message = SellerStatuses.Cashed(account.Invoice, payment, messageId, invoiceEvent.OccurredAt, _sender);
        await _flows.SubmitAsync(new FlowInfo("CDAR-" + messageId + ".xml", FlowSyntax.Cdar, TrackingId: messageId), CdarWriter.ToBytes(message), cancellationToken).ConfigureAwait(false);
    }
}
