using System.Security.Cryptography.X509Certificates;
using MimeKit;

namespace Invoicing.Mail.Smtp;

/// <summary>The rules <see cref="SmtpMailOptions"/> must meet, each with the message naming the option it concerns.</summary>
internal static class SmtpMailOptionsRules
{
    public static IReadOnlyList<(Func<SmtpMailOptions, bool> IsMet, string Failure)> All { get; } =
    [
        (o => !string.IsNullOrWhiteSpace(o.Host), "SmtpMailOptions.Host is required."),
        (o => o.Port is > 0 and < 65536, "SmtpMailOptions.Port must be 1..65535."),
        (o => MailboxAddress.TryParse(o.From, out _), "SmtpMailOptions.From must be a mail address."),
        (o => o.Timeout > TimeSpan.Zero, "SmtpMailOptions.Timeout must be positive."),
        (o => o.RetryBackoff >= TimeSpan.Zero, "SmtpMailOptions.RetryBackoff must not be negative."),
        (o => o.MaxRetries is >= 0 and <= 10, "SmtpMailOptions.MaxRetries must be 0..10."),
        (o => Enum.IsDefined(o.Security), "SmtpMailOptions.Security is not a known mode."),
        (o => o.TrustedCertificates is not null, "SmtpMailOptions.TrustedCertificates must not be null (empty means system validation)."),
        (o => o.TrustedCertificates is not { Count: > 0 } || o.Security != SmtpSecurity.None, "SmtpMailOptions.TrustedCertificates needs a TLS Security mode, not None."),
        (o => o.TrustedCertificates is null || o.TrustedCertificates.All(IsSelfIssued), "SmtpMailOptions.TrustedCertificates must hold self-signed certificates (an internal root CA, or the server's own self-signed certificate), not an intermediate CA or a CA-issued server certificate."),
    ];

    /// <summary>Whether <paramref name="certificate"/> names itself as issuer: only such certificates anchor a chain.</summary>
    private static bool IsSelfIssued(X509Certificate2 certificate) =>
        certificate is not null && certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    /// <summary>The failures of <paramref name="options"/>; empty when valid.</summary>
    public static List<string> Failures(SmtpMailOptions options) =>
        [.. All.Where(rule => !rule.IsMet(options)).Select(rule => rule.Failure)];
}
