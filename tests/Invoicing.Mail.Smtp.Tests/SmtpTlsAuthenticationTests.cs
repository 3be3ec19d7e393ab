using Invoicing.Dunning;
using static Invoicing.Mail.Smtp.Tests.TlsTestMail;

namespace Invoicing.Mail.Smtp.Tests;

/// <summary>Credentials over TLS: sent only inside the TLS session, refused ones permanent.</summary>
public sealed class SmtpTlsAuthenticationTests
{
    [Theory]
    [InlineData(LoopbackTls.StartTls, SmtpSecurity.StartTls)]
    [InlineData(LoopbackTls.Implicit, SmtpSecurity.SslOnConnect)]
    public async Task SendAsync_CredentialsUnderTls_AuthenticatedAndDelivered(LoopbackTls tls, SmtpSecurity security)
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: tls, account: ("relances", "s3cret"));
        var options = TlsOptions(server.Port, security, Trusted);
        options.UserName = "relances";
        options.Password = "s3cret";

        var result = await Sender(options).SendAsync(Reminder());

        Assert.Equal(MailSendStatus.Sent, result.Status);
        var delivery = Assert.Single(server.Deliveries);
        Assert.True(delivery.OverTls);
        Assert.Equal("relances", delivery.User);
    }

    [Fact]
    public async Task SendAsync_WrongPasswordUnderTls_PermanentAuthenticationRefused()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.StartTls, account: ("relances", "s3cret"));
        var options = TlsOptions(server.Port, SmtpSecurity.StartTls, Trusted);
        options.UserName = "relances";
        options.Password = "wrong";
        options.MaxRetries = 2;

        var result = await Sender(options).SendAsync(Reminder());

        Assert.Equal(MailSendStatus.PermanentFailure, result.Status);
        Assert.StartsWith("Authentication refused", result.Error, StringComparison.Ordinal);
        // MailKit tries each mechanism the server offers (PLAIN, LOGIN) once, on one connection: no retry.
        Assert.Equal(2, server.AuthenticationAttempts);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task SendAsync_CredentialsWithNoneAgainstServerOfferingAuthOnlyUnderTls_PermanentPasswordNeverSent()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.StartTls, account: ("relances", "s3cret"));
        var options = TlsOptions(server.Port, SmtpSecurity.None);
        options.UserName = "relances";
        options.Password = "s3cret";

        var result = await Sender(options).SendAsync(Reminder());

        Assert.Equal(MailSendStatus.PermanentFailure, result.Status);
        Assert.Contains("authentication", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, server.AuthenticationAttempts);
        Assert.Empty(server.Received);
    }
}
