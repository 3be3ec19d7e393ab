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

    /// <summary>A self-signed certificate for 127.0.0.1 and localhost, valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>, for <paramref name="usage"/> (an EKU OID).</summary>
    public static X509Certificate2 SelfSigned(DateTimeOffset notBefore, DateTimeOffset notAfter, string usage = "1.3.6.1.5.5.7.3.1")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = ServerRequest(key, [], usage);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return WithUsableKey(certificate);
    }

    /// <summary>An internal CA (public part only, what a client trusts) and a server certificate it issued, with its key.</summary>
    public static (X509Certificate2 Authority, X509Certificate2 Server) IssuedByInternalAuthority()
    {
        using var authority = Authority("CN=Invoicing Test Internal CA", issuer: null);
        return (PublicPart(authority), Issue(authority));
    }

    /// <summary>An internal root CA, an intermediate CA it issued, and a server certificate the intermediate issued (with its key).</summary>
    public static (X509Certificate2 Root, X509Certificate2 Intermediate, X509Certificate2 Server) IssuedThroughIntermediate()
    {
        using var root = Authority("CN=Invoicing Test Root CA", issuer: null);
        using var intermediate = Authority("CN=Invoicing Test Issuing CA", issuer: root);
        return (PublicPart(root), PublicPart(intermediate), Issue(intermediate));
    }

    private static X509Certificate2 Authority(string name, X509Certificate2? issuer)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, issuer is null ? false : true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = TimeProvider.System.GetUtcNow();
        if (issuer is null)
        {
            return request.CreateSelfSigned(now.AddMinutes(-10), now.AddDays(2));
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var issued = request.Create(issuer, now.AddMinutes(-10), WithinIssuer(now.AddDays(2), issuer), Serial());
        return issued.CopyWithPrivateKey(key);
    }

    private static X509Certificate2 Issue(X509Certificate2 authority)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = ServerRequest(key, []);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var now = TimeProvider.System.GetUtcNow();
        using var issued = request.Create(authority, now.AddMinutes(-5), WithinIssuer(now.AddDays(1), authority), Serial());
        using var withKey = issued.CopyWithPrivateKey(key);
        return WithUsableKey(withKey);
    }

    /// <summary>
    /// An issued certificate may not outlive its issuer, which .NET refuses. The issuer was made a moment earlier, so
    /// its end, taken from its own "now", can fall before the child's when the clock has ticked past a second between.
    /// </summary>
    private static DateTimeOffset WithinIssuer(DateTimeOffset notAfter, X509Certificate2 issuer)
    {
        var issuerEnd = new DateTimeOffset(issuer.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        return notAfter < issuerEnd ? notAfter : issuerEnd;
    }

    private static byte[] Serial()
    {
        var serial = new byte[12];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        return serial;
    }

    /// <summary>The certificate without its private key, as a client would configure it.</summary>
    public static X509Certificate2 PublicPart(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);

    private static CertificateRequest ServerRequest(ECDsa key, string[] names, string usage = "1.3.6.1.5.5.7.3.1")
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
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        return request;
    }

    private static X509Certificate2 WithUsableKey(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
}
