using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using NodaTime;

namespace Invoicing.Portal.Security;

/// <summary>
/// The two signed, encrypted and expiring tokens of the portal, each under its own Data Protection purpose so that one
/// is never accepted as the other: the magic link's token (in a URL, redeemed once per visit) and the session cookie's.
/// Both carry only the customer key. Expiry is checked against the injected clock as well as the protector's.
/// </summary>
internal sealed class PortalTokens(IDataProtectionProvider provider, IClock clock)
{
    private const string LinkPurpose = "Invoicing.Portal.MagicLink.v1";

    private const string SessionPurpose = "Invoicing.Portal.Session.v1";

    private readonly ITimeLimitedDataProtector _links = provider.CreateProtector(LinkPurpose).ToTimeLimitedDataProtector();

    private readonly ITimeLimitedDataProtector _sessions = provider.CreateProtector(SessionPurpose).ToTimeLimitedDataProtector();

    public IClock Clock { get; } = clock;

    public string CreateLinkToken(string customerKey, Duration lifetime) => Protect(_links, customerKey, lifetime);

    public string CreateSessionToken(string customerKey, Duration lifetime) => Protect(_sessions, customerKey, lifetime);

    /// <summary>The customer of a valid, unexpired link token; null for anything else.</summary>
    public string? ReadLinkToken(string? token) => Read(_links, token);

    /// <summary>The customer of a valid, unexpired session token; null for anything else.</summary>
    public string? ReadSessionToken(string? token) => Read(_sessions, token);

    private string Protect(ITimeLimitedDataProtector protector, string customerKey, Duration lifetime) =>
        protector.Protect(customerKey, (Clock.GetCurrentInstant() + lifetime).ToDateTimeOffset());

    private string? Read(ITimeLimitedDataProtector protector, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return null;
        }

        try
        {
            var customerKey = protector.Unprotect(token, out var expiration);
            return Instant.FromDateTimeOffset(expiration) > Clock.GetCurrentInstant() ? customerKey : null;
        }
        catch (CryptographicException)
        {
            // Tampered, signed with an unknown key, or expired by the protector's clock.
            return null;
        }
        catch (FormatException)
        {
            // Not base64url at all.
            return null;
        }
    }
}
