using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Invoicing.Dunning;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Invoicing.Mail.Smtp;

/// <summary>
/// Sends through SMTP with MailKit, one connection per mail. Outcomes: accepted -> <see cref="MailSendStatus.Sent"/>;
/// a 5xx reply, an invalid address, refused authentication or TLS -> <see cref="MailSendStatus.PermanentFailure"/> at once;
/// a 4xx reply, a dropped connection, a timeout -> retried <see cref="SmtpMailOptions.MaxRetries"/> times with doubling
/// waits, then <see cref="MailSendStatus.TransientFailure"/> (the runner retries later, up to its own attempt limit).
/// A TLS handshake cut or stalled by the server is transient; the caller's cancellation throws, even mid-handshake.
/// </summary>
internal sealed class SmtpMailSender(IOptions<SmtpMailOptions> options, TimeProvider? timeProvider = null) : IMailSender
{
    private readonly SmtpMailOptions _options = options.Value;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly X509Certificate2Collection? _trustAnchors = ServerCertificateTrust.AnchorsOf(options.Value);

    /// <summary>Sees the connection's socket once the server has accepted the message, before QUIT (tests only).</summary>
    internal Action<Socket>? AcceptedOn { get; init; }

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        MimeMessage message;
        try
        {
            message = MimeMessages.Create(mail, _options.From);
        }
        catch (ParseException exception)
        {
            return MailSendResult.Permanent($"Invalid address: {exception.Message}");
        }

        var result = MailSendResult.Transient("not attempted");
        for (var attempt = 0; attempt <= _options.MaxRetries; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(_options.RetryBackoff * Math.Pow(2, attempt - 1), _time, cancellationToken).ConfigureAwait(false);
            }

            result = await SendOnceAsync(message, cancellationToken).ConfigureAwait(false);
            if (result.Status != MailSendStatus.TransientFailure)
            {
                return result;
            }
        }

        return result;
    }

    private async Task<MailSendResult> SendOnceAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var trust = _trustAnchors is null ? null
            : new ServerCertificateTrust(_trustAnchors, _options.CheckCertificateRevocation ? X509RevocationMode.Online : X509RevocationMode.NoCheck);
        using var client = new SmtpClient
        {
            Timeout = (int)Math.Clamp(_options.Timeout.TotalMilliseconds, 1, int.MaxValue),
            CheckCertificateRevocation = _options.CheckCertificateRevocation,
            ServerCertificateValidationCallback = trust is null ? null : trust.Validate,
        };
        try
        {
            var socket = await ConnectSocketAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await ConnectClientAsync(client, socket, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            if (_options.UserName is not null)
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            AcceptedOn?.Invoke(socket);
            await DisconnectQuietlyAsync(client).ConfigureAwait(false);
            return MailSendResult.Sent;
        }
        catch (SmtpCommandException exception)
        {
            var code = (int)exception.StatusCode;
            var text = $"SMTP {code} {exception.ErrorCode}: {exception.Message}";
            return code >= 500 ? MailSendResult.Permanent(text) : MailSendResult.Transient(text);
        }
        catch (AuthenticationException exception)
        {
            return MailSendResult.Permanent($"Authentication refused: {exception.Message}");
        }
        catch (SslHandshakeException exception) when (cancellationToken.IsCancellationRequested)
        {
            // MailKit reports a handshake cut short by cancellation as a failed handshake: it is the caller's cancellation.
            throw new OperationCanceledException("The send was cancelled during the TLS handshake.", exception, cancellationToken);
        }
        catch (SslHandshakeException exception) when (exception.InnerException is IOException or SocketException or TimeoutException)
        {
            return MailSendResult.Transient($"TLS handshake failed, connection lost: {exception.InnerException.GetType().Name}: {exception.InnerException.Message}");
        }
        catch (SslHandshakeException exception)
        {
            return MailSendResult.Permanent($"TLS handshake failed: {trust?.Refusal ?? exception.Message}");
        }
        catch (NotSupportedException exception)
        {
            return MailSendResult.Permanent($"The server does not support what is configured: {exception.Message}");
        }
        catch (Exception exception) when (exception is SmtpProtocolException or IOException or SocketException or TimeoutException or ServiceNotConnectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return MailSendResult.Transient($"Connection failed: {exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <summary>
    /// Starts the SMTP session on <paramref name="socket"/>: greeting, EHLO and, as configured, STARTTLS or TLS at once.
    /// MailKit times out each SMTP read and write, but not the TLS handshake on a socket it is given: a server that stops
    /// answering in the handshake would hold the send for ever. So the whole start gets <see cref="SmtpMailOptions.Timeout"/>.
    /// </summary>
    /// <exception cref="TimeoutException">The session was not started within the timeout.</exception>
    private async Task ConnectClientAsync(SmtpClient client, Socket socket, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await client.ConnectAsync(socket, _options.Host, _options.Port, Map(_options.Security), linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested
            && exception is OperationCanceledException or SslHandshakeException or IOException)
        {
            throw new TimeoutException($"No SMTP session with {_options.Host}:{_options.Port} within {_options.Timeout} (greeting, EHLO, TLS handshake).", exception);
        }
    }

    /// <summary>
    /// Opens the TCP connection with Nagle's algorithm off: SMTP is a ping-pong of short commands and replies, and with
    /// Nagle on, a command written in two parts waits for the peer's delayed acknowledgement (about 40 ms on Linux) each time.
    /// The client owns the socket once connected.
    /// </summary>
    private async Task<Socket> ConnectSocketAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(_options.Host, linked.Token).ConfigureAwait(false);
            SocketException? last = null;
            foreach (var address in addresses)
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(address, _options.Port, linked.Token).ConfigureAwait(false);
                    return socket;
                }
                catch (SocketException exception)
                {
                    socket.Dispose();
                    last = exception;
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }

            throw last ?? new SocketException((int)SocketError.HostNotFound);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No connection to {_options.Host}:{_options.Port} within {_options.Timeout}.");
        }
    }

    private static async Task DisconnectQuietlyAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
        {
            // The message was accepted before QUIT; a failed QUIT changes nothing.
        }
    }

    private static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown SMTP security mode."),
    };
}
