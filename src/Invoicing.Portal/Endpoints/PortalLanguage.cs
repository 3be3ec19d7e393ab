using Invoicing.Core;
using Invoicing.Portal.Rendering;
using Microsoft.AspNetCore.Http;

namespace Invoicing.Portal.Endpoints;

/// <summary>
/// Which language a page is in: the customer's own choice on the switch (a cookie), else the language in the
/// customer's dunning settings, else the browser's Accept-Language, else <see cref="PortalOptions.DefaultLanguage"/>.
/// </summary>
internal static class PortalLanguage
{
    public const string CookieName = "invoicing-portal-lang";

    public static PortalText Resolve(HttpContext http, DunningCustomerSettings? customer, PortalOptions options)
    {
        if (PortalText.For(http.Request.Cookies[CookieName]) is { } chosen)
        {
            return chosen;
        }

        if (PortalText.For(Primary(customer?.Language)) is { } stored)
        {
            return stored;
        }

        foreach (var language in http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1d))
        {
            if (PortalText.For(Primary(language.Value.Value)) is { } accepted)
            {
                return accepted;
            }
        }

        return PortalText.For(options.DefaultLanguage) ?? PortalText.English;
    }

    /// <summary>The primary subtag, lower case: <c>fr</c> of <c>fr-CA</c>.</summary>
    private static string? Primary(string? tag)
    {
        if (string.IsNullOrEmpty(tag))
        {
            return null;
        }

        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? tag : tag[..dash]).ToLowerInvariant();
    }
}
