using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Invoicing.Mail.Smtp.Tests;

/// <summary>
/// A hostile server that breaks off the TLS handshake: it reads the client's first TLS bytes (the ClientHello), then
/// closes the connection, or with <c>stall</c> says nothing more and keeps the connection open until disposed. With
/// <c>startTls</c>, it first speaks plain SMTP, offers STARTTLS in EHLO and answers <c>220 Ready to start TLS</c>;
/// without, it expects TLS from the first byte.
/// </summary>
internal sealed class HandshakeDroppingServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public HandshakeDroppingServer(bool startTls, bool stall = false)
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(() => AcceptAsync(startTls, stall));
    }

    public int Port { get; }

    /// <summary>Connections whose TLS ClientHello was read before the server closed or stalled.</summary>
    public int HandshakesCut;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync(bool startTls, bool stall)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                if (startTls)
                {
                    await TalkUntilStartTlsAsync(stream);
                }

                var hello = new byte[5];
                if (await stream.ReadAsync(hello, _stop.Token) > 0 && hello[0] == 0x16)
                {
                    Interlocked.Increment(ref HandshakesCut);
                }

                if (stall)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }

                client.Client.Close();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (IOException)
            {
                // The client went away first: nothing to cut.
            }
        }
    }

    private async Task TalkUntilStartTlsAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII, false, 1, leaveOpen: true);
        await WriteAsync(stream, "220 localhost ESMTP\r\n");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase))
            {
                await WriteAsync(stream, "250-localhost\r\n250 STARTTLS\r\n");
            }
            else if (line.Equals("STARTTLS", StringComparison.OrdinalIgnoreCase))
            {
                await WriteAsync(stream, "220 Ready to start TLS\r\n");
                return;
            }
            else
            {
                await WriteAsync(stream, "502 Not implemented\r\n");
            }
        }
    }

    private async Task WriteAsync(NetworkStream stream, string reply) => await stream.WriteAsync(Encoding.ASCII.GetBytes(reply), _stop.Token);
}
