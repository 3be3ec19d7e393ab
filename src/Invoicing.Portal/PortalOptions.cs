using Microsoft.AspNetCore.Http;
using NodaTime;

namespace Invoicing.Portal;

/// <summary>How the customer portal is reached and protected. Validated when the host starts.</summary>
public sealed class PortalOptions
{
    /// <summary>The default application name of the portal's Data Protection keys.</summary>
    public const string DefaultApplicationName = "Invoicing.Portal";

    /// <summary>
    /// The portal's public address, as customers reach it (<c>https://billing.example.com/portal/</c>): magic links are
    /// built on it, so it must be the address the portal is mapped at. Required, absolute, http or https.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// A directory holding the portal's own Data Protection key ring, shared with the <c>invoicing portal link</c>
    /// command and with every host instance (so a link minted by one is redeemed by another). When null, the host's
    /// registered Data Protection (its key ring and application name) is used.
    /// </summary>
    public string? KeysDirectory { get; set; }

    /// <summary>The Data Protection application name used with <see cref="KeysDirectory"/>; the CLI uses the default.</summary>
    public string ApplicationName { get; set; } = DefaultApplicationName;

    /// <summary>How long a magic link stays valid when <see cref="IPortalLinks.CreateLink"/> is given no lifetime: 7 days.</summary>
    public Duration LinkLifetime { get; set; } = Duration.FromDays(7);

    /// <summary>The longest lifetime a link may be given: 90 days.</summary>
    public Duration MaxLinkLifetime { get; set; } = Duration.FromDays(90);

    /// <summary>How long the session a redeemed link opens lasts: 12 hours. The customer then needs a new link.</summary>
    public Duration SessionLifetime { get; set; } = Duration.FromHours(12);

    /// <summary>How long the payment page the Pay button opens stays usable: one hour (the provider may clamp it to its own window).</summary>
    public Duration PaymentLinkLifetime { get; set; } = Duration.FromHours(1);

    /// <summary>How many link redemptions one client IP address may attempt per <see cref="RedeemWindow"/>: 10.</summary>
    public int RedeemPermitLimit { get; set; } = 10;

    /// <summary>The window of <see cref="RedeemPermitLimit"/>: one minute.</summary>
    public TimeSpan RedeemWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether the session cookie is marked Secure: <see cref="CookieSecurePolicy.Always"/> by default, as a portal
    /// belongs behind HTTPS; <see cref="CookieSecurePolicy.SameAsRequest"/> for plain-HTTP development only.
    /// </summary>
    public CookieSecurePolicy CookieSecurePolicy { get; set; } = CookieSecurePolicy.Always;

    /// <summary>The language when neither the customer's settings nor the browser name French or English: <c>en</c> or <c>fr</c>.</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>The name shown at the top of every page (the seller's trading name); "Billing" in the page's language when null.</summary>
    public string? Title { get; set; }
}
