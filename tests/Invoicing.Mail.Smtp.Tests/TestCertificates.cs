using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Invoicing.Mail.Smtp.Tests;

/// <summary>
/// Certificates made at test time: a self-signed server certificate, or an internal CA and a server certificate it
/// issues. Server certificates are exported and loaded again as PKCS#12, so SslStream on Linux can use the private key.
/// </summary>
internal static class TestCertificates
{
    private static readonly Lazy<X509Certificate2> SharedSelfSigned = new(() => SelfSigned());

    /// <summary>One self-signed certificate for 127.0.0.1 and localhost, shared by the tests that do not care which.</summary>
    public static X509Certificate2 Loopback => SharedSelfSigned.Value;

    /// <summary>A self-signed server certificate (ECDSA P-256) valid for <paramref name="names"/> (default 127.0.0.1 and localhost).</summary>
    public static X509Certificate2 SelfSigned(params string[] names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = ServerRequest(key, names);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddDays(1));
        return WithUsableKey(certificate);
    }

    /// <summary>An internal CA (public part only, what a client trusts) and a server certificate it issued, with its key.</summary>
    public static (X509Certificate2 Authority, X509Certificate2 Server) IssuedByInternalAuthority()
    {
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=Invoicing Test Internal CA", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false));
        using var authority = authorityRequest.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddMinutes(-10), TimeProvider.System.GetUtcNow().AddDays(2));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = ServerRequest(serverKey, []);
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var serial = new byte[12];
        RandomNumberGenerator.Fill(serial);
        using var issued = serverRequest.Create(authority, TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddDays(1), serial);
        using var withKey = issued.CopyWithPrivateKey(serverKey);
        return (PublicPart(authority), WithUsableKey(withKey));
    }

    /// <summary>The certificate without its private key, as a client would configure it.</summary>
    public static X509Certificate2 PublicPart(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);

    private static CertificateRequest ServerRequest(ECDsa key, string[] names)
    {
        if (names.Length == 0)
        {
            names = ["127.0.0.1", "localhost"];
        }

        var request = new CertificateRequest("CN=" + names[0], key, HashAlgorithmName.SHA256);
        var alternativeNames = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var address))
            {
                alternativeNames.AddIpAddress(address);
            }
            else
            {
                alternativeNames.AddDnsName(name);
            }
        }

        request.CertificateExtensions.Add(alternativeNames.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return request;
    }

    private static X509Certificate2 WithUsableKey(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
}
