using Invoicing.Core;
using NodaTime;

namespace Invoicing.Portal.Security;

/// <summary>Checks the arguments, then builds <c>{PublicBaseUrl}redeem?token=...</c>.</summary>
internal sealed class MagicLinks(PortalTokens tokens, PortalOptions options) : IPortalLinks
{
    /// <summary>The longest customer key a link accepts (the stores' text limits are longer; a URL should stay short).</summary>
    public const int MaxCustomerKeyLength = 200;

    public Uri CreateLink(string customerKey, Duration? lifetime = null)
    {
        CheckCustomerKey(customerKey);
        var life = lifetime ?? options.LinkLifetime;
        if (life <= Duration.Zero || life > options.MaxLinkLifetime)
        {
            throw new InvoiceValidationException(ValidationIssue.Error(
                "PORTAL-LIFETIME", "lifetime", $"A link's lifetime must be positive and at most {options.MaxLinkLifetime.Days} days."));
        }

        var token = tokens.CreateLinkToken(customerKey, life);
        return new Uri(PortalOptionsRules.BaseWithSlash(options.PublicBaseUrl!), "redeem?token=" + token);
    }

    /// <exception cref="InvoiceValidationException">PORTAL-CUSTOMER.</exception>
    public static void CheckCustomerKey(string? customerKey)
    {
        if (string.IsNullOrWhiteSpace(customerKey) || customerKey.Length > MaxCustomerKeyLength || customerKey.Any(char.IsControl))
        {
            throw new InvoiceValidationException(ValidationIssue.Error(
                "PORTAL-CUSTOMER", "customerKey", $"The customer key must be 1 to {MaxCustomerKeyLength} characters, without line breaks or control characters."));
        }
    }
}
