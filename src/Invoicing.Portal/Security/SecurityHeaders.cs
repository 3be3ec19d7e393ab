using Microsoft.AspNetCore.Http;

namespace Invoicing.Portal.Security;

/// <summary>
/// The headers of every portal response. The pages have no script at all and only the portal's own style sheet, so
/// the policy allows nothing else. <c>form-action</c> is left out on purpose: the Pay form's 303 goes to the payment
/// provider, and browsers apply <c>form-action</c> to that redirect.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        if (http.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }
    }
}
