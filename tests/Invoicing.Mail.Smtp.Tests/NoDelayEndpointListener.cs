using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace Invoicing.Mail.Smtp.Tests;

/// <summary>
/// Accepts the test server's connections with Nagle's algorithm off. The package's own listener leaves it on, and each
/// multi-part reply then waits for the client's delayed acknowledgement (about 40 ms on Linux), which made every mail
/// take some 50 ms on loopback. The connection is upgraded to TLS (an <see cref="SslStream"/> over the same socket) when
/// the server is asked to: at once on an implicit-TLS endpoint, or after replying 220 to STARTTLS.
/// </summary>
internal sealed class NoDelayEndpointListenerFactory : IEndpointListenerFactory
{
    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        return new Listener(listener);
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var socket = await listener.AcceptSocketAsync(cancellationToken);
            socket.NoDelay = true;
            context.Properties[EndpointListener.LocalEndPointKey] = socket.LocalEndPoint!;
            context.Properties[EndpointListener.RemoteEndPointKey] = socket.RemoteEndPoint!;
            return new Pipe(new NetworkStream(socket, ownsSocket: true));
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class Pipe(NetworkStream network) : ISecurableDuplexPipe
    {
        private SslStream? _tls;

        public PipeReader Input { get; private set; } = PipeReader.Create(network, new StreamPipeReaderOptions(leaveOpen: true));

        public PipeWriter Output { get; private set; } = PipeWriter.Create(network, new StreamPipeWriterOptions(leaveOpen: true));

        public bool IsSecure => _tls is not null;

        public SslProtocols SslProtocol => _tls?.SslProtocol ?? SslProtocols.None;

        public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
        {
            var tls = new SslStream(network, leaveInnerStreamOpen: true);
            try
            {
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificate,
                    EnabledSslProtocols = protocols,
                    ClientCertificateRequired = false,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                }, cancellationToken);
            }
            catch
            {
                await tls.DisposeAsync();
                throw;
            }

            _tls = tls;
            Input = PipeReader.Create(tls, new StreamPipeReaderOptions(leaveOpen: true));
            Output = PipeWriter.Create(tls, new StreamPipeWriterOptions(leaveOpen: true));
        }

        public void Dispose()
        {
            _tls?.Dispose();
            network.Dispose();
        }
    }
}
