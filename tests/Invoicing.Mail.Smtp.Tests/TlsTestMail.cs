using System.Security.Cryptography.X509Certificates;
using Invoicing.Dunning;

namespace Invoicing.Mail.Smtp.Tests;

/// <summary>The mail and the sender options the TLS tests share: loopback, 2-second timeout, no retry, no revocation check.</summary>
internal static class TlsTestMail
{
    public static OutgoingMail Reminder() => new()
    {
        MessageId = "reminder.tls.0123456789abcdef@reminders.example.com",
        To = "compta@dupont.example",
        Subject = "Relance : facture F2026-00043",
        TextBody = "Bonjour, texte brut.",
        HtmlBody = "<p>Bonjour.</p>",
        Attachments = [new MailAttachment("F2026-00043.pdf", "application/pdf", SamplePdf.Bytes)],
    };

    public static SmtpMailOptions TlsOptions(int port, SmtpSecurity security, params X509Certificate2[] trusted)
    {
        var options = new SmtpMailOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Security = security,
            From = "relances@atelier.example",
            Timeout = TimeSpan.FromSeconds(2),
            MaxRetries = 0,
            CheckCertificateRevocation = false,
        };
        options.TrustedCertificates.AddRange(trusted);
        return options;
    }

    public static IMailSender Sender(SmtpMailOptions options) => MailServiceCollectionExtensions.CreateSmtpSender(options);

    /// <summary>The public part of <see cref="TestCertificates.Loopback"/>, the certificate the TLS servers present by default.</summary>
    public static X509Certificate2 Trusted => TestCertificates.PublicPart(TestCertificates.Loopback);
}
