using Invoicing.Portal.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Portal.Endpoints;

/// <summary>Opening and closing a session, and the language switch.</summary>
internal static class SessionEndpoints
{
    /// <summary>
    /// GET redeem?token=: a valid link opens a session for its customer and sends the browser to the list, so the
    /// token leaves the address bar (and, with no-referrer, is never sent anywhere). Limited per client address.
    /// </summary>
    public static async Task<IResult> RedeemAsync(HttpContext http, string prefix)
    {
        var request = await PortalRequest.OpenAsync(http, prefix).ConfigureAwait(false);
        if (!http.RequestServices.GetRequiredService<RedeemLimiter>().TryAcquire(http))
        {
            return request.Message(StatusCodes.Status429TooManyRequests, request.Text.TooManyTitle, request.Text.TooManyText);
        }

        var tokens = http.RequestServices.GetRequiredService<PortalTokens>();
        var customerKey = tokens.ReadLinkToken(http.Request.Query["token"].ToString());
        if (customerKey is null)
        {
            return request.Message(StatusCodes.Status403Forbidden, request.Text.LinkRefusedTitle, request.Text.LinkRefusedText);
        }

        SessionCookie.Set(http, request.Options, request.BasePath, tokens.CreateSessionToken(customerKey, request.Options.SessionLifetime));
        return request.SeeOther(request.ListPath);
    }

    /// <summary>POST sign-out: ends the session.</summary>
    public static async Task<IResult> SignOutAsync(HttpContext http, string prefix)
    {
        var request = await PortalRequest.OpenAsync(http, prefix).ConfigureAwait(false);
        if (!await request.IsFormValidAsync().ConfigureAwait(false))
        {
            return request.BadForm();
        }

        SessionCookie.Delete(http, request.Options, request.BasePath);
        return request.Message(StatusCodes.Status200OK, request.Text.SignedOutTitle, request.Text.SignedOutText);
    }

    /// <summary>GET language/{code}?return=: remembers the choice and goes back, only ever to a portal page.</summary>
    public static async Task<IResult> LanguageAsync(HttpContext http, string prefix, string code)
    {
        var request = await PortalRequest.OpenAsync(http, prefix).ConfigureAwait(false);
        if (Rendering.PortalText.For(code) is null)
        {
            return request.NotFound();
        }

        var back = http.Request.Query["return"].ToString();
        var safe = back.StartsWith(request.BasePath + "/", StringComparison.Ordinal) && !back.Contains("//", StringComparison.Ordinal)
            && !back.Contains('\\', StringComparison.Ordinal) && !back.Any(char.IsControl);
        http.Response.Cookies.Append(PortalLanguage.CookieName, code, SessionCookie.Options(http, request.Options, request.BasePath, TimeSpan.FromDays(365)));
        return request.SeeOther(safe ? back : request.ListPath);
    }
}
