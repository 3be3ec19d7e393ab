using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.France.Http;

/// <summary>
/// OAuth 2 client credentials for the platform: one token, kept until shortly before it expires and shared by every
/// call, fetched again when it is about to expire or when the platform refused it (401).
/// </summary>
internal sealed class PlatformTokenSource(IHttpClientFactory httpClients, IOptionsMonitor<FrenchPlatformOptions> options, IClock clock) : IDisposable
{
    /// <summary>The name of the <see cref="HttpClient"/> that calls the token endpoint.</summary>
    public const string ClientName = "Invoicing.France.Token";

    /// <summary>A token is renewed this long before its end, so a call never starts with a token about to lapse.</summary>
    private static readonly Duration RenewalMargin = Duration.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, Instant Expires)? _current;

    /// <summary>A token valid now: the kept one, or a new one.</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_current is { } kept && clock.GetCurrentInstant() < kept.Expires)
        {
            return kept.Token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another call may have fetched one while this one waited.
            if (_current is { } fresh && clock.GetCurrentInstant() < fresh.Expires)
            {
                return fresh.Token;
            }

            var token = await FetchAsync(cancellationToken).ConfigureAwait(false);
            _current = token;
            return token.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> after the platform refused it, unless a newer one already replaced it.</summary>
    public void Invalidate(string token)
    {
        if (_current is { } kept && kept.Token == token)
        {
            _current = null;
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<(string Token, Instant Expires)> FetchAsync(CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", o.ClientId!),
            new("client_secret", o.ClientSecret!),
        };
        if (!string.IsNullOrWhiteSpace(o.Scope))
        {
            form.Add(new("scope", o.Scope));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, o.TokenUrl) { Content = new FormUrlEncodedContent(form) };
        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(ClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new FrenchPlatformException($"The platform's sign-in service at {o.TokenUrl} did not answer: {PlatformErrors.NoAnswer(e)}.", null, null, null, e);
        }

        using (response)
        {
            TokenDto? body = null;
            try
            {
                body = await response.Content.ReadFromJsonAsync(PlatformJsonContext.Default.TokenDto, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Text.Json.JsonException)
            {
                // Not JSON: reported below by status.
            }

            if (!response.IsSuccessStatusCode || body?.AccessToken is not { Length: > 0 } accessToken)
            {
                var reason = body?.Error is { } error ? $"{error}{(body.ErrorDescription is { } d ? $" ({d})" : string.Empty)}" : $"HTTP {(int)response.StatusCode}";
                throw new FrenchPlatformException(
                    $"The platform refused to sign in with client id '{o.ClientId}': {reason}. Check the client id and secret the platform gave.",
                    (int)response.StatusCode,
                    body?.Error,
                    body?.ErrorDescription);
            }

            // A token without a lifetime is kept for 5 minutes: short enough to follow a revocation, long enough to spare the server.
            var lifetime = body.ExpiresIn is > 0 and <= int.MaxValue ? Duration.FromSeconds(body.ExpiresIn.Value) : Duration.FromMinutes(5);
            var margin = lifetime > RenewalMargin * 2 ? RenewalMargin : Duration.Zero;
            return (accessToken, clock.GetCurrentInstant() + lifetime - margin);
        }
    }
}
