using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Invoicing.Dunning;
using Microsoft.Extensions.Options;

namespace Invoicing.Mail.Smtp.Tests;

/// <summary>The SMTP sender against a real server over real TLS: implicit TLS, STARTTLS, trust, failures.</summary>
public sealed class SmtpTlsTests
{
    private static OutgoingMail Mail() => new()
    {
        MessageId = "reminder.tls.0123456789abcdef@reminders.example.com",
        To = "compta@dupont.example",
        Subject = "Relance : facture F2026-00043",
        TextBody = "Bonjour, texte brut.",
        HtmlBody = "<p>Bonjour.</p>",
        Attachments = [new MailAttachment("F2026-00043.pdf", "application/pdf", SamplePdf.Bytes)],
    };

    private static SmtpMailOptions Options(int port, SmtpSecurity security, params X509Certificate2[] trusted)
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

    private static IMailSender Sender(SmtpMailOptions options) => MailServiceCollectionExtensions.CreateSmtpSender(options);

    private static X509Certificate2 Trusted => TestCertificates.PublicPart(TestCertificates.Loopback);

    [Fact]
    public async Task SendAsync_SslOnConnectTrustedCertificate_DeliveredOverTls()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.Implicit);

        var result = await Sender(Options(server.Port, SmtpSecurity.SslOnConnect, Trusted)).SendAsync(Mail());

        Assert.Equal(MailSendStatus.Sent, result.Status);
        var delivery = Assert.Single(server.Deliveries);
        Assert.True(delivery.OverTls);
        Assert.True(delivery.Protocol >= SslProtocols.Tls12, $"negotiated {delivery.Protocol}");
        Assert.Equal("reminder.tls.0123456789abcdef@reminders.example.com", Assert.Single(server.Received).MessageId);
    }

    [Fact]
    public async Task SendAsync_StartTlsRequiredServerOffersIt_DeliveredOverTls()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.StartTls);

        var result = await Sender(Options(server.Port, SmtpSecurity.StartTls, Trusted)).SendAsync(Mail());

        Assert.Equal(MailSendStatus.Sent, result.Status);
        Assert.True(Assert.Single(server.Deliveries).OverTls);
    }

    [Fact]
    public async Task SendAsync_StartTlsRequiredServerDoesNotOfferIt_PermanentNamingStartTlsNothingDelivered()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.None);

        var result = await Sender(Options(server.Port, SmtpSecurity.StartTls, Trusted)).SendAsync(Mail());

        Assert.Equal(MailSendStatus.PermanentFailure, result.Status);
        Assert.Contains("STARTTLS", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Received);
        Assert.Equal(0, server.Attempts);
    }

    [Theory]
    [InlineData(LoopbackTls.StartTls, true)]
    [InlineData(LoopbackTls.None, false)]
    public async Task SendAsync_StartTlsWhenAvailable_TlsWhenOfferedPlainWhenNotBothDelivered(LoopbackTls offered, bool overTls)
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: offered);

        var result = await Sender(Options(server.Port, SmtpSecurity.StartTlsWhenAvailable, Trusted)).SendAsync(Mail());

        Assert.Equal(MailSendStatus.Sent, result.Status);
        Assert.Equal(overTls, Assert.Single(server.Deliveries).OverTls);
    }

    [Theory]
    [InlineData(LoopbackTls.Implicit, SmtpSecurity.SslOnConnect)]
    [InlineData(LoopbackTls.StartTls, SmtpSecurity.StartTls)]
    [InlineData(LoopbackTls.StartTls, SmtpSecurity.StartTlsWhenAvailable)]
    public async Task SendAsync_UntrustedCertificateNoTrustOption_PermanentTlsHandshakeFailedNothingDelivered(LoopbackTls tls, SmtpSecurity security)
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: tls);

        var result = await Sender(Options(server.Port, security)).SendAsync(Mail());

        Assert.Equal(MailSendStatus.PermanentFailure, result.Status);
        Assert.StartsWith("TLS handshake failed", result.Error, StringComparison.Ordinal);
        Assert.Contains("self-signed", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Received);
        Assert.Equal(0, server.Attempts);
    }

    [Fact]
    public async Task SendAsync_TrustsAnotherCertificate_PermanentTlsHandshakeFailed()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.Implicit);
        using var other = TestCertificates.SelfSigned();

        var result = await Sender(Options(server.Port, SmtpSecurity.SslOnConnect, TestCertificates.PublicPart(other))).SendAsync(Mail());

        Assert.Equal(MailSendStatus.PermanentFailure, result.Status);
        Assert.StartsWith("TLS handshake failed", result.Error, StringComparison.Ordinal);
        Assert.Contains("SmtpMailOptions.TrustedCertificates", result.Error, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.Loopback.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task SendAsync_TrustedCertificateForAnotherHostName_PermanentTlsHandshakeFailed()
    {
        using var certificate = TestCertificates.SelfSigned("relay.internal.example");
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.Implicit, certificate: certificate);

        var result = await Sender(Options(server.Port, SmtpSecurity.SslOnConnect, TestCertificates.PublicPart(certificate))).SendAsync(Mail());

        Assert.Equal(MailSendStatus.PermanentFailure, result.Status);
        Assert.StartsWith("TLS handshake failed", result.Error, StringComparison.Ordinal);
        Assert.Contains("SmtpMailOptions.Host", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task SendAsync_ServerCertificateIssuedByTrustedInternalAuthority_DeliveredOverTls()
    {
        var (authority, issued) = TestCertificates.IssuedByInternalAuthority();
        using var _ = authority;
        using var __ = issued;
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.StartTls, certificate: issued);

        var result = await Sender(Options(server.Port, SmtpSecurity.StartTls, authority)).SendAsync(Mail());

        Assert.Equal(MailSendStatus.Sent, result.Status);
        Assert.True(Assert.Single(server.Deliveries).OverTls);
    }

    [Fact]
    public async Task SendAsync_InternalAuthorityWithoutRevocationListAndRevocationChecked_PermanentTlsHandshakeFailed()
    {
        var (authority, issued) = TestCertificates.IssuedByInternalAuthority();
        using var _ = authority;
        using var __ = issued;
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.StartTls, certificate: issued);
        var options = Options(server.Port, SmtpSecurity.StartTls, authority);
        options.CheckCertificateRevocation = true;

        var result = await Sender(options).SendAsync(Mail());

        Assert.Equal(MailSendStatus.PermanentFailure, result.Status);
        Assert.StartsWith("TLS handshake failed", result.Error, StringComparison.Ordinal);
        Assert.Contains("RevocationStatusUnknown", result.Error, StringComparison.Ordinal);
        Assert.Contains("SmtpMailOptions.CheckCertificateRevocation", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task SendAsync_SslOnConnectAgainstPlainServer_PermanentTlsHandshakeFailedQuickly()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.None);

        var result = await Sender(Options(server.Port, SmtpSecurity.SslOnConnect, Trusted)).SendAsync(Mail());

        Assert.Equal(MailSendStatus.PermanentFailure, result.Status);
        Assert.StartsWith("TLS handshake failed", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task SendAsync_NoneAgainstImplicitTlsServer_TransientAfterTheTimeoutNothingDelivered()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.Implicit);

        var result = await Sender(Options(server.Port, SmtpSecurity.None)).SendAsync(Mail());

        Assert.Equal(MailSendStatus.TransientFailure, result.Status);
        Assert.StartsWith("Connection failed", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Theory]
    [InlineData(false, SmtpSecurity.SslOnConnect)]
    [InlineData(true, SmtpSecurity.StartTls)]
    public async Task SendAsync_ServerClosesDuringHandshake_TransientNoException(bool startTls, SmtpSecurity security)
    {
        using var server = new HandshakeDroppingServer(startTls);
        var options = Options(server.Port, security, Trusted);
        options.MaxRetries = 1;
        options.RetryBackoff = TimeSpan.FromMilliseconds(10);

        var result = await Sender(options).SendAsync(Mail());

        Assert.Equal(MailSendStatus.TransientFailure, result.Status);
        Assert.StartsWith("TLS handshake failed, connection lost", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, server.HandshakesCut);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(false, SmtpSecurity.SslOnConnect)]
    [InlineData(true, SmtpSecurity.StartTls)]
    public async Task SendAsync_ServerStallsDuringHandshake_TransientAfterTheTimeout(bool startTls, SmtpSecurity security)
    {
        using var server = new HandshakeDroppingServer(startTls, stall: true);

        var result = await Sender(Options(server.Port, security, Trusted)).SendAsync(Mail());

        Assert.Equal(MailSendStatus.TransientFailure, result.Status);
        Assert.Contains(nameof(TimeoutException), result.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.HandshakesCut);
    }

    [Theory]
    [InlineData(LoopbackTls.Implicit, SmtpSecurity.SslOnConnect)]
    [InlineData(LoopbackTls.StartTls, SmtpSecurity.StartTls)]
    public async Task SendAsync_UnderTls_TheConnectionsSocketKeepsNoDelay(LoopbackTls tls, SmtpSecurity security)
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: tls);
        var seen = new List<(bool NoDelay, EndPoint? Local)>();
        var sender = new SmtpMailSender(Microsoft.Extensions.Options.Options.Create(Options(server.Port, security, Trusted)))
        {
            AcceptedOn = socket => seen.Add((socket.NoDelay, socket.LocalEndPoint)),
        };

        var result = await sender.SendAsync(Mail());

        Assert.Equal(MailSendStatus.Sent, result.Status);
        var delivery = Assert.Single(server.Deliveries);
        Assert.True(delivery.OverTls);
        var socket = Assert.Single(seen);
        Assert.True(socket.NoDelay);
        Assert.Equal(delivery.Client, socket.Local);
    }
}
