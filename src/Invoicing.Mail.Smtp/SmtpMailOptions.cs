using System.Security.Cryptography.X509Certificates;

namespace Invoicing.Mail.Smtp;

/// <summary>The SMTP server and how to talk to it. Validated when the host starts.</summary>
public sealed class SmtpMailOptions
{
    /// <summary>The server's host name.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>The port: 587 (STARTTLS) by default.</summary>
    public int Port { get; set; } = 587;

    /// <summary>TLS: required STARTTLS by default.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The user name; no authentication when null.</summary>
    public string? UserName { get; set; }

    /// <summary>The password.</summary>
    public string? Password { get; set; }

    /// <summary>The From address of mails that do not set one.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>The timeout of each network operation: 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a transient failure (connection lost, 4xx) within one send: 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The wait before the first retry, doubled for each next one: 1 second.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether certificate revocation is checked: true.</summary>
    public bool CheckCertificateRevocation { get; set; } = true;

    /// <summary>
    /// The certificates the server's certificate must chain to, in place of the system's trusted roots: an internal root
    /// CA, or the relay's own self-signed certificate (public part only; no private key is needed). Self-signed ones
    /// only: an intermediate CA cannot anchor a chain (add its root instead). Empty, the default: the
    /// system's normal validation. When not empty, the system roots are not used for this server, and everything else is
    /// still checked: the host name (<see cref="Host"/>) must match the certificate, the chain must be valid now and
    /// allow server authentication, and revocation is checked as <see cref="CheckCertificateRevocation"/> says (an
    /// internal CA without a revocation list needs it false). Needs a TLS <see cref="Security"/> mode.
    /// </summary>
    public X509Certificate2Collection TrustedCertificates { get; set; } = [];
}
