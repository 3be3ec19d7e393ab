using Invoicing.Core;
using NodaTime;

namespace Invoicing.France;

/// <summary>
/// The statuses the seller sends about its own invoices. 212 "cashed" is required where VAT is due on receipt (services
/// by default, BT-8 code 72): the tax administration learns from it when the VAT falls due.
/// </summary>
public static class SellerStatuses
{
    /// <summary>
    /// Status 212 "cashed" for a payment of an issued invoice: the amount received per VAT rate (VAT included), from the
    /// seller (by the SIREN of BT-30) to the buyer (at its electronic address BT-49, or its SIREN).
    /// </summary>
    /// <param name="invoice">The invoice paid.</param>
    /// <param name="payment">The payment received.</param>
    /// <param name="messageId">The message's id, unique for the seller: the payment's id makes a good one.</param>
    /// <param name="issuedAt">When the message is issued.</param>
    /// <param name="sender">Who sends it: the seller's platform by its registration number, or null for the seller itself.</param>
    /// <exception cref="InvoiceValidationException">FR-STATUS-SELLER-ID: the seller or the buyer has no SIREN; or a rule of the message.</exception>
    public static CdarMessage Cashed(IssuedInvoice invoice, Payment payment, string messageId, Instant issuedAt, CdarParty? sender = null)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(payment);
        var document = invoice.Document;
        var seller = PartySiren.Of(document.Seller, "seller");
        var buyer = PartySiren.Of(document.Buyer, "buyer");
        var amounts = CashedAmounts.Split(invoice.Totals, payment.Amount, document.Currency)
            .Select(share => new StatusAmount(StatusAmountTypes.Cashed, share.Amount, document.Currency, share.Rate))
            .ToList();
        var message = new CdarMessage
        {
            MessageId = messageId,
            IssuedAt = issuedAt,
            Sender = sender ?? new CdarParty { Role = CdarRoles.Seller },
            Issuer = CdarParty.Seller(seller, document.Seller.Name),
            Recipients = [CdarParty.Buyer(buyer, document.Buyer.Name, document.Buyer.ElectronicAddress)],
            Reports =
            [
                new InvoiceStatusReport
                {
                    InvoiceNumber = invoice.Number,
                    InvoiceIssueDate = document.IssueDate,
                    DocumentTypeCode = ((int)document.Type).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Status = LifecycleStatus.Cashed,
                    Seller = CdarParty.Seller(seller, document.Seller.Name, document.Seller.ElectronicAddress),
                    Amounts = amounts,
                },
            ],
        };
        CdarWriter.Validate(message).ThrowIfInvalid();
        return message;
    }
}
