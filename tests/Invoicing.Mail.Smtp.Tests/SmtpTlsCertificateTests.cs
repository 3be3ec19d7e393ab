using Invoicing.Core;
using Invoicing.Dunning;
using Microsoft.Extensions.DependencyInjection;
using static Invoicing.Mail.Smtp.Tests.TlsTestMail;

namespace Invoicing.Mail.Smtp.Tests;

/// <summary>Which server certificates the SMTP sender accepts over real TLS: system validation by default, TrustedCertificates as anchors, host name and revocation still checked.</summary>
public sealed class SmtpTlsCertificateTests
{
    [Theory]
    [InlineData(LoopbackTls.Implicit, SmtpSecurity.SslOnConnect)]
    [InlineData(LoopbackTls.StartTls, SmtpSecurity.StartTls)]
    [InlineData(LoopbackTls.StartTls, SmtpSecurity.StartTlsWhenAvailable)]
    public async Task SendAsync_UntrustedCertificateNoTrustOption_PermanentTlsHandshakeFailedNothingDelivered(LoopbackTls tls, SmtpSecurity security)
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: tls);

        var result = await Sender(TlsOptions(server.Port, security)).SendAsync(Reminder());

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

        var result = await Sender(TlsOptions(server.Port, SmtpSecurity.SslOnConnect, TestCertificates.PublicPart(other))).SendAsync(Reminder());

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

        var result = await Sender(TlsOptions(server.Port, SmtpSecurity.SslOnConnect, TestCertificates.PublicPart(certificate))).SendAsync(Reminder());

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

        var result = await Sender(TlsOptions(server.Port, SmtpSecurity.StartTls, authority)).SendAsync(Reminder());

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
        var options = TlsOptions(server.Port, SmtpSecurity.StartTls, authority);
        options.CheckCertificateRevocation = true;

        var result = await Sender(options).SendAsync(Reminder());

        Assert.Equal(MailSendStatus.PermanentFailure, result.Status);
        Assert.StartsWith("TLS handshake failed", result.Error, StringComparison.Ordinal);
        Assert.Contains("RevocationStatusUnknown", result.Error, StringComparison.Ordinal);
        Assert.Contains("SmtpMailOptions.CheckCertificateRevocation", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task UseSmtpMail_TrustedCertificatesConfigured_SenderFromTheContainerDeliversOverTls()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.Implicit);
        var services = new ServiceCollection();
        services.AddInvoicing().UseSmtpMail(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = server.Port;
            o.Security = SmtpSecurity.SslOnConnect;
            o.From = "relances@atelier.example";
            o.TrustedCertificates.Add(Trusted);
            o.CheckCertificateRevocation = false;
        });
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IMailSender>().SendAsync(Reminder());

        Assert.Equal(MailSendStatus.Sent, result.Status);
        Assert.True(Assert.Single(server.Deliveries).OverTls);
    }
}
