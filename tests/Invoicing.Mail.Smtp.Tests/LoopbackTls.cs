using System.Net;
using System.Security.Authentication;

namespace Invoicing.Mail.Smtp.Tests;

/// <summary>How the loopback SMTP server offers TLS.</summary>
public enum LoopbackTls
{
    /// <summary>Plain SMTP; EHLO does not offer STARTTLS.</summary>
    None,

    /// <summary>Plain SMTP at first; EHLO offers STARTTLS, answered by 220 and a TLS handshake.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465 style).</summary>
    Implicit,
}

/// <summary>A message the loopback server accepted, with how its session was carried.</summary>
/// <param name="OverTls">Whether the session was under TLS when the message was accepted.</param>
/// <param name="Protocol">The TLS version, <see cref="SslProtocols.None"/> when plain.</param>
/// <param name="Client">The client's end of the TCP connection.</param>
/// <param name="User">The user the session authenticated as; null without authentication.</param>
internal sealed record LoopbackDelivery(bool OverTls, SslProtocols Protocol, EndPoint Client, string? User);
