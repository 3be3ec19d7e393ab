namespace Invoicing.Dunning;

/// <summary>
/// Mails an issued invoice or credit note to its buyer in their language, with its PDF attached (from the registered
/// <see cref="IInvoiceAttachmentProvider"/>, for example a Factur-X renderer) and the portal and payment links, and
/// records the <c>sent</c> event once the transport accepted it.
/// </summary>
public interface IInvoiceMailer
{
    /// <summary>
    /// Sends the invoice. A transport failure is a result (<see cref="MailSendStatus.TransientFailure"/> or
    /// <see cref="MailSendStatus.PermanentFailure"/>) and records nothing; <see cref="MailSendStatus.Sent"/> means the
    /// sent event is recorded too.
    /// </summary>
    /// <exception cref="Invoicing.Core.InvoiceValidationException">
    /// DUN-MAIL-INVOICE (blank number), DUN-MAIL-INVOICE-UNKNOWN (no issued invoice with that number),
    /// DUN-MAIL-RECIPIENT (no address in the customer's settings or the buyer contact, BT-58), DUN-TEMPLATE-MISSING.
    /// </exception>
    Task<MailSendResult> SendAsync(string invoiceNumber, CancellationToken cancellationToken = default);
}
