using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace Invoicing.France.Http;

/// <summary>
/// One call to a platform service: the correlation and organization headers, the answer read as the documented JSON,
/// and every failure (an error answer, no answer, an answer that is not the documented shape) as a
/// <see cref="FrenchPlatformException"/> that says what was asked.
/// </summary>
internal sealed class PlatformHttp(HttpClient client, IOptionsMonitor<FrenchPlatformOptions> options)
{
    /// <summary>Sends <paramref name="request"/>; the answer is the caller's to dispose. A status in <paramref name="accepted"/> is not an error.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string action, CancellationToken cancellationToken, params HttpStatusCode[] accepted)
    {
        request.Headers.TryAddWithoutValidation("Request-Id", Guid.NewGuid().ToString());
        if (options.CurrentValue.OrganizationId is { Length: > 0 } organization)
        {
            request.Headers.TryAddWithoutValidation("Organization-Id", organization);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            throw PlatformErrors.FromNoAnswer(action, e);
        }

        if (response.IsSuccessStatusCode || accepted.Contains(response.StatusCode))
        {
            return response;
        }

        using (response)
        {
            throw await PlatformErrors.FromResponseAsync(action, response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends <paramref name="request"/> and reads its JSON answer; null when the status is one of <paramref name="absent"/> (a 404 for a lookup).</summary>
    public async Task<T?> ReadAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type, string action, CancellationToken cancellationToken, params HttpStatusCode[] absent)
        where T : class
    {
        using var response = await SendAsync(request, action, cancellationToken, absent).ConfigureAwait(false);
        if (absent.Contains(response.StatusCode))
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("empty");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new FrenchPlatformException(
                $"The platform's answer when asked to {action} is not the documented one (HTTP {(int)response.StatusCode}): the platform may run another version of the XP Z12-013 API.",
                (int)response.StatusCode,
                null,
                null,
                e);
        }
    }

    /// <summary>A JSON request body.</summary>
    public static HttpContent Json<T>(T value, JsonTypeInfo<T> type) => JsonContent.Create(value, type);
}
