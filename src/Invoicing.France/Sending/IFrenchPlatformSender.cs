using Invoicing.Core;

namespace Invoicing.France;

/// <summary>
/// Hands issued invoices to the approved platform, once per platform: the invoice is claimed in the
/// <see cref="IOutgoingFlowStore"/> before its flow leaves, with a tracking id derived from its number; an attempt that
/// stopped between sending and recording is finished by searching the platform for that tracking id, so the flow is
/// never sent twice. A failed send is retried by the next call after its retry time; a rejected one stays rejected
/// (the correction is a credit note and a new invoice, never a change to the issued one).
/// </summary>
public interface IFrenchPlatformSender
{
    /// <summary>
    /// Sends the issued invoice <paramref name="invoiceNumber"/> to the buyer's address in the directory, or does
    /// nothing when it already went out.
    /// </summary>
    /// <exception cref="InvoiceValidationException">No issued invoice has this number, or its buyer has no SIREN (rules PA-INVOICE, PA-BUYER); nothing is stored.</exception>
    /// <exception cref="BuyerNotInDirectoryException">The buyer has no address in force in the directory; nothing is stored.</exception>
    /// <exception cref="FlowRejectedException">The platform rejected this invoice (now or before), with its reason.</exception>
    /// <exception cref="FrenchPlatformException">The platform failed or did not answer; the send is recorded as failed and retried by a later call.</exception>
    Task<PlatformSendResult> SendAsync(string invoiceNumber, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks the platform for its verdict on a sent invoice and records it (acknowledged, or rejected with the reason).
    /// Returns the record as it stands, or null when the invoice was never sent to this platform.
    /// </summary>
    Task<OutgoingFlow?> RefreshAsync(string invoiceNumber, CancellationToken cancellationToken = default);
}
