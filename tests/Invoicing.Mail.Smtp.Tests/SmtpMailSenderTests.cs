using Invoicing.Dunning;
using MimeKit;
using SmtpServer.Protocol;

namespace Invoicing.Mail.Smtp.Tests;

public sealed class SmtpMailSenderTests
{
    private static OutgoingMail Mail(string to = "compta@dupont.example") => new()
    {
        MessageId = "reminder.dp3.0123456789abcdef@reminders.example.com",
        To = to,
        Subject = "Relance : facture F2026-00042",
        TextBody = "Bonjour, texte brut.",
        HtmlBody = "<html><body><p>Bonjour, <strong>HTML</strong>.</p></body></html>",
        Attachments = [new MailAttachment("F2026-00042.pdf", "application/pdf", SamplePdf.Bytes)],
    };

    private static IMailSender Sender(int port, int maxRetries = 1) => MailServiceCollectionExtensions.CreateSmtpSender(new SmtpMailOptions
    {
        Host = "127.0.0.1",
        Port = port,
        Security = SmtpSecurity.None,
        From = "relances@atelier.example",
        Timeout = TimeSpan.FromSeconds(5),
        MaxRetries = maxRetries,
        RetryBackoff = TimeSpan.FromMilliseconds(10),
    });

    [Fact]
    public async Task SendAsync_RealServer_DeliversRecipientSubjectBothPartsAndThePdf()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();

        var result = await Sender(server.Port).SendAsync(Mail());

        Assert.Equal(MailSendStatus.Sent, result.Status);
        var message = Assert.Single(server.Received);
        Assert.Equal("compta@dupont.example", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("relances@atelier.example", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Relance : facture F2026-00042", message.Subject);
        Assert.Equal("reminder.dp3.0123456789abcdef@reminders.example.com", message.MessageId);
        Assert.Equal("Bonjour, texte brut.", message.TextBody?.Trim());
        Assert.Contains("<strong>HTML</strong>", message.HtmlBody, StringComparison.Ordinal);
        var pdf = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("F2026-00042.pdf", pdf.FileName);
        Assert.Equal("application/pdf", pdf.ContentType.MimeType);
        using var bytes = new MemoryStream();
        await pdf.Content!.DecodeToAsync(bytes);
        Assert.Equal(SamplePdf.Bytes, bytes.ToArray());
    }

    [Fact]
    public async Task SendAsync_ServerRefuses5xx_PermanentFailureWithoutRetry()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(new SmtpResponse(SmtpReplyCode.TransactionFailed, "mailbox refused"));

        var result = await Sender(server.Port, maxRetries: 3).SendAsync(Mail());

        Assert.Equal(MailSendStatus.PermanentFailure, result.Status);
        Assert.Contains("554", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.Attempts);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task SendAsync_ServerDefers4xx_RetriedThenTransient()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "try later"));

        var result = await Sender(server.Port, maxRetries: 2).SendAsync(Mail());

        Assert.Equal(MailSendStatus.TransientFailure, result.Status);
        Assert.Contains("421", result.Error, StringComparison.Ordinal);
        Assert.Equal(3, server.Attempts);
    }

    [Fact]
    public async Task SendAsync_ServerDropsTheConnection_RetriedThenTransient()
    {
        using var server = new DroppingServer();

        var result = await Sender(server.Port, maxRetries: 2).SendAsync(Mail());

        Assert.Equal(MailSendStatus.TransientFailure, result.Status);
        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public async Task SendAsync_NothingListening_Transient()
    {
        var result = await Sender(LoopbackSmtpServer.FreePort(), maxRetries: 0).SendAsync(Mail());

        Assert.Equal(MailSendStatus.TransientFailure, result.Status);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("")]
    [InlineData("a@b.example\r\nBcc: victim@example.com")]
    public async Task SendAsync_HostileRecipient_PermanentWithoutConnecting(string to)
    {
        await using var server = await LoopbackSmtpServer.StartAsync();

        var result = await Sender(server.Port).SendAsync(Mail(to));

        Assert.Equal(MailSendStatus.PermanentFailure, result.Status);
        Assert.Equal(0, server.Attempts);
    }
}
