using System.Net;
using System.Net.Http.Headers;

namespace Invoicing.Crm.Http.OAuth;

/// <summary>
/// Adds the access token to each request, and on a 401 refreshes it once and sends the request again; a second 401
/// means the refreshed token is refused too, so it ends in a <see cref="CrmException"/> naming the source rather than
/// a loop. It sits outside the resilience pipeline: a 401 is not transient and is never retried as one, while the
/// request sent again goes through the retries like the first.
/// </summary>
internal sealed class OAuthBearerHandler(OAuthTokenProvider tokens, OAuthSettings settings) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        Authorize(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        var refreshed = await tokens.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
        Authorize(request, refreshed);
        var second = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (second.StatusCode == HttpStatusCode.Unauthorized)
        {
            second.Dispose();
            throw CrmErrors.Unauthorized(settings.Source, "the access token was refused again right after it was refreshed; check the app's scopes and the user's permissions");
        }

        return second;
    }

    /// <summary>
    /// Sets the header, and sends the request to the API host the token response named (Salesforce's instance, Zoho's
    /// data centre), which may differ from the one configured and may change with a new token.
    /// </summary>
    private void Authorize(HttpRequestMessage request, OAuthToken token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue(settings.Scheme, token.AccessToken);
        if (token.ApiBaseUrl is { } apiBaseUrl && request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            request.RequestUri = new Uri(apiBaseUrl, uri.PathAndQuery);
        }
    }
}
