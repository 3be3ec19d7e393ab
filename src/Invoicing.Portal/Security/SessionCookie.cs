using Microsoft.AspNetCore.Http;

namespace Invoicing.Portal.Security;

/// <summary>The session cookie: the customer's session token, HttpOnly, SameSite=Lax, Secure by policy, scoped to the portal's path.</summary>
/// <remarks>Lax rather than Strict: the link is opened from a mail client, and a Strict cookie set on that cross-site visit would not follow its own redirect.</remarks>
internal static class SessionCookie
{
    public const string Name = "invoicing-portal-session";

    public static void Set(HttpContext http, PortalOptions options, string basePath, string token) =>
        http.Response.Cookies.Append(Name, token, Options(http, options, basePath, options.SessionLifetime.ToTimeSpan()));

    public static void Delete(HttpContext http, PortalOptions options, string basePath) =>
        http.Response.Cookies.Delete(Name, Options(http, options, basePath, null));

    public static string? Read(HttpContext http) => http.Request.Cookies[Name];

    public static CookieOptions Options(HttpContext http, PortalOptions options, string basePath, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = options.CookieSecurePolicy switch
        {
            CookieSecurePolicy.SameAsRequest => http.Request.IsHttps,
            CookieSecurePolicy.None => false,
            _ => true,
        },
        SameSite = SameSiteMode.Lax,
        Path = basePath,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
