namespace Invoicing.Dunning;

/// <summary>
/// Sends mail. Expected failures are results, not exceptions: <see cref="MailSendStatus.TransientFailure"/> is retried
/// later by the runner, <see cref="MailSendStatus.PermanentFailure"/> is journaled and never retried.
/// </summary>
public interface IMailSender
{
    /// <summary>Sends one mail with its <see cref="OutgoingMail.MessageId"/> as the Message-ID header.</summary>
    Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

/// <summary>
/// Optional capability of a sender that can tell whether a Message-ID already went out (a pickup folder can; SMTP
/// cannot). When a claim is taken over after a crash, the runner asks first and does not resend what was delivered.
/// </summary>
public interface IMailDeliveryCheck
{
    /// <summary>Whether a mail with this Message-ID was delivered.</summary>
    Task<bool> WasDeliveredAsync(string messageId, CancellationToken cancellationToken = default);
}

/// <summary>Supplies the invoice PDF attached to reminders (for example from the PDF package); null when there is none.</summary>
public interface IInvoiceAttachmentProvider
{
    /// <summary>The attachment for an invoice, or null.</summary>
    Task<MailAttachment?> GetInvoicePdfAsync(Invoicing.Core.InvoiceAccount account, CancellationToken cancellationToken = default);
}
