using System.Net;
using System.Security.Authentication;
using Invoicing.Dunning;
using static Invoicing.Mail.Smtp.Tests.TlsTestMail;

namespace Invoicing.Mail.Smtp.Tests;

/// <summary>The SMTP sender against a real server over real TLS: implicit TLS, STARTTLS, STARTTLS when available, Nagle off under TLS.</summary>
public sealed class SmtpTlsTests
{
    [Fact]
    public async Task SendAsync_SslOnConnectTrustedCertificate_DeliveredOverTls()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.Implicit);

        var result = await Sender(TlsOptions(server.Port, SmtpSecurity.SslOnConnect, Trusted)).SendAsync(Reminder());

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

        var result = await Sender(TlsOptions(server.Port, SmtpSecurity.StartTls, Trusted)).SendAsync(Reminder());

        Assert.Equal(MailSendStatus.Sent, result.Status);
        Assert.True(Assert.Single(server.Deliveries).OverTls);
    }

    [Fact]
    public async Task SendAsync_StartTlsRequiredServerDoesNotOfferIt_PermanentNamingStartTlsNothingDelivered()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.None);

        var result = await Sender(TlsOptions(server.Port, SmtpSecurity.StartTls, Trusted)).SendAsync(Reminder());

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

        var result = await Sender(TlsOptions(server.Port, SmtpSecurity.StartTlsWhenAvailable, Trusted)).SendAsync(Reminder());

        Assert.Equal(MailSendStatus.Sent, result.Status);
        Assert.Equal(overTls, Assert.Single(server.Deliveries).OverTls);
    }

    [Theory]
    [InlineData(LoopbackTls.Implicit, SmtpSecurity.SslOnConnect)]
    [InlineData(LoopbackTls.StartTls, SmtpSecurity.StartTls)]
    public async Task SendAsync_UnderTls_TheConnectionsSocketKeepsNoDelay(LoopbackTls tls, SmtpSecurity security)
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: tls);
        var seen = new List<(bool NoDelay, EndPoint? Local)>();
        var sender = new SmtpMailSender(Microsoft.Extensions.Options.Options.Create(TlsOptions(server.Port, security, Trusted)))
        {
            AcceptedOn = socket => seen.Add((socket.NoDelay, socket.LocalEndPoint)),
        };

        var result = await sender.SendAsync(Reminder());

        Assert.Equal(MailSendStatus.Sent, result.Status);
        var delivery = Assert.Single(server.Deliveries);
        Assert.True(delivery.OverTls);
        var socket = Assert.Single(seen);
        Assert.True(socket.NoDelay);
        Assert.Equal(delivery.Client, socket.Local);
    }
}
