using System.Net.Http.Json;
using System.Text.Json;

namespace Invoicing.France.Http;

/// <summary>Turns a platform's error answer (XP Z12-013 <c>Error</c>) or a missing answer into a <see cref="FrenchPlatformException"/> in words.</summary>
internal static class PlatformErrors
{
    /// <summary>The exception for a refused call: what was asked, the platform's code and message, and the status.</summary>
    public static async Task<FrenchPlatformException> FromResponseAsync(string action, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ErrorDto? error = null;
        try
        {
            error = await response.Content.ReadFromJsonAsync(PlatformJsonContext.Default.ErrorDto, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // No error body, or not the documented one: the status speaks alone.
        }

        var status = (int)response.StatusCode;
        var reason = (error?.ErrorCode, error?.ErrorMessage) switch
        {
            ({ } code, { } message) => $"{code} ({message})",
            ({ } code, null) => code,
            (null, { } message) => message,
            _ => Describe(status),
        };
        return new FrenchPlatformException($"The platform refused to {action}: {reason} (HTTP {status}).", status, error?.ErrorCode, error?.ErrorMessage ?? error?.Details);
    }

    /// <summary>The exception for a call that got no answer (network failure or timeout, after the retries).</summary>
    public static FrenchPlatformException FromNoAnswer(string action, Exception cause) =>
        new($"The platform did not answer when asked to {action}: {NoAnswer(cause)}.", null, null, null, cause);

    /// <summary>Why there was no answer, in words.</summary>
    public static string NoAnswer(Exception cause) => cause switch
    {
        TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException => "it took too long",
        _ => "it could not be reached",
    };

    private static string Describe(int status) => status switch
    {
        400 => "the request is not valid",
        401 => "the client is not signed in",
        403 => "the client may not do this",
        404 => "it was not found",
        408 => "it took too long",
        413 => "the file is too large",
        422 => "the content is not valid",
        429 => "too many requests",
        501 => "the platform does not offer this",
        503 => "the platform is unavailable",
        _ => "the platform failed",
    };
}
