using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Invoicing.Mail.Smtp;

/// <summary>
/// Validates the server's certificate of one connection against the host's own trusted certificates
/// (<see cref="SmtpMailOptions.TrustedCertificates"/>) instead of the system roots. Only the trust anchor changes: a host
/// name mismatch or a missing certificate is refused whatever the anchors, and the chain is built again with the anchors,
/// the server's intermediates, the current time, the server-authentication usage and the configured revocation mode.
/// Why a certificate was refused is kept in <see cref="Refusal"/>, for the failure message.
/// </summary>
internal sealed class ServerCertificateTrust(X509Certificate2Collection anchors, X509RevocationMode revocation)
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    /// <summary>Why the server's certificate was refused; null when it was not (or not yet) refused.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The anchors of <paramref name="options"/>, copied; null for the system's normal validation.</summary>
    public static X509Certificate2Collection? AnchorsOf(SmtpMailOptions options) =>
        options.TrustedCertificates is { Count: > 0 } trusted ? new X509Certificate2Collection(trusted) : null;

    /// <summary>A <see cref="RemoteCertificateValidationCallback"/>.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            Refusal = "the server presented no certificate";
            return false;
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            Refusal = $"the server certificate ({certificate.Subject}) is not valid for the host name set in SmtpMailOptions.Host";
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
        leaf ??= loaded!;
        if (chain.Build(leaf))
        {
            return true;
        }

        var statuses = chain.ChainStatus.Select(s => s.Status).Distinct().ToList();
        var revocationHint = statuses.Any(s => s is X509ChainStatusFlags.RevocationStatusUnknown or X509ChainStatusFlags.OfflineRevocation)
            ? " (SmtpMailOptions.CheckCertificateRevocation is on and the revocation status could not be obtained)"
            : string.Empty;
        Refusal = string.Create(CultureInfo.InvariantCulture,
            $"the server certificate ({leaf.Subject}, SHA-256 {leaf.GetCertHashString(HashAlgorithmName.SHA256)}) is not valid with SmtpMailOptions.TrustedCertificates as trust anchors: {string.Join(", ", statuses)}{revocationHint}");
        return false;
    }
}
