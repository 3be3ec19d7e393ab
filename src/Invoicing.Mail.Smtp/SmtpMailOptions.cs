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
}
