using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Invoicing.Mail.Smtp;

/// <summary>
/// Validates the server's certificate against the host's own trusted certificates (<see cref="SmtpMailOptions.TrustedCertificates"/>)
/// instead of the system roots. Only the trust anchor changes: a host name mismatch or a missing certificate is refused
/// whatever the anchors, and the chain is built again with the anchors, the server's intermediates, the current time,
/// the server-authentication usage and the configured revocation mode.
/// </summary>
internal static class ServerCertificateTrust
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    /// <summary>The validation callback for <paramref name="options"/>; null for the system's normal validation.</summary>
    public static RemoteCertificateValidationCallback? CreateCallback(SmtpMailOptions options)
    {
        if (options.TrustedCertificates is not { Count: > 0 })
        {
            return null;
        }

        var anchors = new X509Certificate2Collection(options.TrustedCertificates);
        var revocation = options.CheckCertificateRevocation ? X509RevocationMode.Online : X509RevocationMode.NoCheck;
        return (_, certificate, chain, errors) => IsTrusted(certificate, chain, errors, anchors, revocation);
    }

    internal static bool IsTrusted(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors, X509Certificate2Collection anchors, X509RevocationMode revocation)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(anchors);
        chain.ChainPolicy.RevocationMode = revocation;
        chain.ChainPolicy.RevocationFlag = X509RevocationFlag.ExcludeRoot;
        chain.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        if (presented is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        var leaf = certificate as X509Certificate2;
        using var loaded = leaf is null ? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()) : null;
        return chain.Build(leaf ?? loaded!);
    }
}
