using Invoicing.Dunning;
using MimeKit;

namespace Invoicing.Mail.Smtp;

/// <summary>Builds the MIME message of an <see cref="OutgoingMail"/>: multipart/alternative text + HTML, then attachments.</summary>
internal static class MimeMessages
{
    /// <exception cref="ParseException">An address is not valid.</exception>
    public static MimeMessage Create(OutgoingMail mail, string defaultFrom)
    {
        var message = new MimeMessage { MessageId = mail.MessageId, Subject = mail.Subject };
        message.From.Add(MailboxAddress.Parse(mail.From ?? defaultFrom));
        message.To.Add(MailboxAddress.Parse(mail.To));
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
