using System.Text;
using Invoicing.Dunning;
using MimeKit;

namespace Invoicing.Mail.Smtp;

/// <summary>
/// Writes each mail as an <c>.eml</c> file named after its Message-ID (for demos and hosts whose mail server picks files
/// up). Writing goes to a temporary file first, then a rename, so a file is complete or absent. A Message-ID already
/// written is not written again, and <see cref="WasDeliveredAsync"/> tells the runner, so a crash never duplicates a mail.
/// </summary>
internal sealed class PickupFolderMailSender(string directory, string defaultFrom) : IMailSender, IMailDeliveryCheck
{
    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        MimeMessage message;
        try
        {
            message = MimeMessages.Create(mail, defaultFrom);
        }
        catch (ParseException exception)
        {
            return MailSendResult.Permanent($"Invalid address: {exception.Message}");
        }

        var path = PathOf(mail.MessageId);
        if (File.Exists(path))
        {
            return MailSendResult.Sent;
        }

        try
        {
            Directory.CreateDirectory(directory);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await message.WriteToAsync(temporary, cancellationToken).ConfigureAwait(false);
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }

            return MailSendResult.Sent;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return MailSendResult.Transient($"Cannot write to the pickup folder: {exception.Message}");
        }
    }

    public Task<bool> WasDeliveredAsync(string messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(messageId)));

    /// <summary>A file name from the Message-ID: letters, digits, '.', '-', '_' kept, everything else hex-escaped.</summary>
    internal string PathOf(string messageId)
    {
        var name = new StringBuilder(messageId.Length + 4);
        foreach (var c in messageId)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            {
                name.Append(c);
            }
            else
            {
                name.Append('_').Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return Path.Combine(directory, name.Append(".eml").ToString());
    }
}
