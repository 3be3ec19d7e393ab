using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Invoicing.Mail.Smtp.Tests;

/// <summary>The trust-anchor check on its own, with certificates a hostile or misconfigured server could present.</summary>
public sealed class ServerCertificateTrustTests
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    private static ServerCertificateTrust Trusting(X509Certificate2 anchor, X509RevocationMode revocation = X509RevocationMode.NoCheck) =>
        new([TestCertificates.PublicPart(anchor)], revocation);

    [Fact]
    public void Validate_TrustedSelfSignedWithChainErrorsFromTheSystem_Accepted()
    {
        var trust = Trusting(TestCertificates.Loopback);

        Assert.True(trust.Validate(this, TestCertificates.Loopback, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.Null(trust.Refusal);
    }

    [Fact]
    public void Validate_NoCertificate_RefusedSayingSo()
    {
        var trust = Trusting(TestCertificates.Loopback);

        Assert.False(trust.Validate(this, null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
        Assert.Equal("the server presented no certificate", trust.Refusal);
    }

    [Fact]
    public void Validate_NameMismatchEvenIfTrusted_RefusedNamingHost()
    {
        var trust = Trusting(TestCertificates.Loopback);

        Assert.False(trust.Validate(this, TestCertificates.Loopback, null, SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.Contains("SmtpMailOptions.Host", trust.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TrustedButExpired_RefusedNotTimeValid()
    {
        var now = TimeProvider.System.GetUtcNow();
        using var expired = TestCertificates.SelfSigned(now.AddDays(-30), now.AddDays(-1));
        var trust = Trusting(expired);

        Assert.False(trust.Validate(this, expired, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.Contains(nameof(X509ChainStatusFlags.NotTimeValid), trust.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TrustedButForClientAuthenticationOnly_RefusedNotValidForUsage()
    {
        var now = TimeProvider.System.GetUtcNow();
        using var clientOnly = TestCertificates.SelfSigned(now.AddMinutes(-5), now.AddDays(1), ClientAuthentication);
        var trust = Trusting(clientOnly);

        Assert.False(trust.Validate(this, clientOnly, null, SslPolicyErrors.None));
        Assert.Contains(nameof(X509ChainStatusFlags.NotValidForUsage), trust.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CertificateSystemTrustsButNotAmongAnchors_Refused()
    {
        using var other = TestCertificates.SelfSigned();
        var trust = Trusting(other);

        Assert.False(trust.Validate(this, TestCertificates.Loopback, null, SslPolicyErrors.None));
        Assert.Contains("SmtpMailOptions.TrustedCertificates", trust.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IssuedByTrustedAuthority_Accepted()
    {
        var (authority, issued) = TestCertificates.IssuedByInternalAuthority();
        using var _ = authority;
        using var __ = issued;
        var trust = new ServerCertificateTrust([authority], X509RevocationMode.NoCheck);

        Assert.True(trust.Validate(this, issued, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void Validate_IntermediateOnlyInWhatTheServerPresented_AcceptedWithItMissingWithout()
    {
        var (root, intermediate, issued) = TestCertificates.IssuedThroughIntermediate();
        using var _ = root;
        using var __ = intermediate;
        using var ___ = issued;
        using var presented = new X509Chain();
        presented.ChainPolicy.ExtraStore.Add(intermediate);
        var trust = new ServerCertificateTrust([root], X509RevocationMode.NoCheck);

        Assert.True(trust.Validate(this, issued, presented, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(trust.Validate(this, issued, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.Contains(nameof(X509ChainStatusFlags.PartialChain), trust.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OnlyAnIntermediateAmongAnchors_RefusedPartialChain()
    {
        // Options validation refuses such anchors at start; the check itself does not treat them as roots either.
        var (root, intermediate, issued) = TestCertificates.IssuedThroughIntermediate();
        using var _ = root;
        using var __ = intermediate;
        using var ___ = issued;
        var trust = new ServerCertificateTrust([intermediate], X509RevocationMode.NoCheck);

        Assert.False(trust.Validate(this, issued, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.Contains(nameof(X509ChainStatusFlags.PartialChain), trust.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void AnchorsOf_EmptyOrNull_NullForSystemValidationElseACopy()
    {
        var options = new SmtpMailOptions();
        Assert.Null(ServerCertificateTrust.AnchorsOf(options));
        options.TrustedCertificates = null!;
        Assert.Null(ServerCertificateTrust.AnchorsOf(options));

        options.TrustedCertificates = [TestCertificates.PublicPart(TestCertificates.Loopback)];
        var anchors = ServerCertificateTrust.AnchorsOf(options);
        options.TrustedCertificates.Clear();

        Assert.Single(anchors!);
    }
}
