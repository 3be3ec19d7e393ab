namespace Invoicing.Portal;

/// <summary>The checks of <see cref="PortalOptions"/>, shared by the host's start-up validation and <see cref="PortalLinks.Create"/>.</summary>
internal static class PortalOptionsRules
{
    /// <summary>The first thing wrong with the options, naming the option; null when they are valid.</summary>
    public static string? FirstProblem(PortalOptions options)
    {
        if (options.PublicBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            return "PortalOptions.PublicBaseUrl must be the absolute http or https address the portal is mapped at, without query or fragment.";
        }

        if (options.LinkLifetime <= NodaTime.Duration.Zero || options.LinkLifetime > options.MaxLinkLifetime)
        {
            return "PortalOptions.LinkLifetime must be positive and at most MaxLinkLifetime.";
        }

        if (options.SessionLifetime <= NodaTime.Duration.Zero || options.PaymentLinkLifetime <= NodaTime.Duration.Zero)
        {
            return "PortalOptions.SessionLifetime and PaymentLinkLifetime must be positive.";
        }

        if (options.RedeemPermitLimit < 1 || options.RedeemWindow <= TimeSpan.Zero)
        {
            return "PortalOptions.RedeemPermitLimit must be at least 1 and RedeemWindow positive.";
        }

        if (options.DefaultLanguage is not ("en" or "fr"))
        {
            return "PortalOptions.DefaultLanguage must be en or fr.";
        }

        if (string.IsNullOrWhiteSpace(options.ApplicationName))
        {
            return "PortalOptions.ApplicationName must not be blank.";
        }

        return null;
    }

    /// <summary>The base URL ending in a slash, so relative paths resolve under it rather than beside it.</summary>
    public static Uri BaseWithSlash(Uri baseUrl) =>
        baseUrl.AbsolutePath.EndsWith('/') ? baseUrl : new Uri(baseUrl.GetLeftPart(UriPartial.Path) + "/");
}
