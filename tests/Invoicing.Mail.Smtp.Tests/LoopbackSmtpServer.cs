using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Invoicing.Mail.Smtp.Tests;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, keeping what it receives and whether it came
/// over TLS. TLS (<see cref="LoopbackTls"/>) uses a certificate made at test time.
/// </summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private LoopbackSmtpServer(int port, SmtpResponse? reply, LoopbackTls tls, X509Certificate2? certificate, (string User, string Password)? account)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b =>
            {
                b.Endpoint(new IPEndPoint(IPAddress.Loopback, port));
                if (tls != LoopbackTls.None)
                {
                    b.Certificate(certificate ?? TestCertificates.Loopback).IsSecure(tls == LoopbackTls.Implicit);
                }

                if (account is not null)
                {
                    b.AuthenticationRequired(true).AllowUnsecureAuthentication(false);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this, reply));
        services.Add(new NoDelayEndpointListenerFactory());
        if (account is { } expected)
        {
            services.Add(new DelegatingUserAuthenticator((_, user, password) =>
            {
                Interlocked.Increment(ref AuthenticationAttempts);
                return user == expected.User && password == expected.Password;
            }));
        }
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>One entry per accepted message, in order: whether it came over TLS and from which client endpoint.</summary>
    public ConcurrentQueue<LoopbackDelivery> Deliveries { get; } = new();

    public int Attempts;

    /// <summary>AUTH commands the server checked (it offers AUTH only under TLS when an account is set).</summary>
    public int AuthenticationAttempts;

    /// <summary>
    /// Starts a server that accepts everything, or answers <paramref name="reply"/> to every DATA; with TLS as
    /// <paramref name="tls"/> says, presenting <paramref name="certificate"/> (default <see cref="TestCertificates.Loopback"/>);
    /// with <paramref name="account"/>, authentication is required and offered under TLS only.
    /// </summary>
    public static async Task<LoopbackSmtpServer> StartAsync(
        SmtpResponse? reply = null, LoopbackTls tls = LoopbackTls.None, X509Certificate2? certificate = null, (string User, string Password)? account = null)
    {
        var server = new LoopbackSmtpServer(FreePort(), reply, tls, certificate, account);
        await WaitUntilListeningAsync(server.Port);
        return server;
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static async Task WaitUntilListeningAsync(int port)
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(25);
            }
        }

        throw new InvalidOperationException($"The SMTP server did not start on port {port}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(LoopbackSmtpServer server, SmtpResponse? reply) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref server.Attempts);
            if (reply is not null)
            {
                return reply;
            }

            using var stream = new MemoryStream(buffer.ToArray());
            server.Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            server.Deliveries.Enqueue(new LoopbackDelivery(context.Pipe.IsSecure, context.Pipe.SslProtocol, (EndPoint)context.Properties[EndpointListener.RemoteEndPointKey], context.Authentication.IsAuthenticated ? context.Authentication.User : null));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>A TCP listener that accepts connections and closes them at once: a server that drops the connection.</summary>
internal sealed class DroppingServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public DroppingServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref Connections);
                    client.Client.Close();
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
            }
        });
    }

    public int Port { get; }

    public int Connections;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
