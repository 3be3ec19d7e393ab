using Invoicing.Dunning;
using static Invoicing.Mail.Smtp.Tests.TlsTestMail;

namespace Invoicing.Mail.Smtp.Tests;

/// <summary>TLS mode mismatches and hostile servers: clear failures, classified, never a hang or an escaping exception.</summary>
public sealed class SmtpTlsFailureTests
{
    [Fact]
    public async Task SendAsync_SslOnConnectAgainstPlainServer_PermanentTlsHandshakeFailed()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.None);

        var result = await Sender(TlsOptions(server.Port, SmtpSecurity.SslOnConnect, Trusted)).SendAsync(Reminder());

        Assert.Equal(MailSendStatus.PermanentFailure, result.Status);
        Assert.StartsWith("TLS handshake failed", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task SendAsync_NoneAgainstImplicitTlsServer_TransientAfterTheTimeoutNothingDelivered()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(tls: LoopbackTls.Implicit);

        var result = await Sender(TlsOptions(server.Port, SmtpSecurity.None)).SendAsync(Reminder());

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
        var options = TlsOptions(server.Port, security, Trusted);
        options.MaxRetries = 1;
        options.RetryBackoff = TimeSpan.FromMilliseconds(10);

        var result = await Sender(options).SendAsync(Reminder());

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

        var result = await Sender(TlsOptions(server.Port, security, Trusted)).SendAsync(Reminder());

        Assert.Equal(MailSendStatus.TransientFailure, result.Status);
        Assert.Contains(nameof(TimeoutException), result.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.HandshakesCut);
    }

    [Theory]
    [InlineData(false, SmtpSecurity.SslOnConnect)]
    [InlineData(true, SmtpSecurity.StartTls)]
    public async Task SendAsync_CallerCancelsDuringHandshake_OperationCanceledNotAFailureResult(bool startTls, SmtpSecurity security)
    {
        using var server = new HandshakeDroppingServer(startTls, stall: true);
        var options = TlsOptions(server.Port, security, Trusted);
        options.Timeout = TimeSpan.FromSeconds(30);
        using var cancel = new CancellationTokenSource();
        var sending = Sender(options).SendAsync(Reminder(), cancel.Token);
        while (Volatile.Read(ref server.HandshakesCut) == 0 && !sending.IsCompleted)
        {
            await Task.Delay(10);
        }

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }
}
