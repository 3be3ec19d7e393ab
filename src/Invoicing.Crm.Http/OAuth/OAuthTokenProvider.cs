using System.Text.Json;

namespace Invoicing.Crm.Http.OAuth;

/// <summary>
/// Holds one connector's access token and refreshes it through the CRM's token endpoint
/// (<c>grant_type=refresh_token</c>, RFC 6749 section 6). Concurrent callers that find the same token refused wait
/// for one refresh instead of each spending the refresh token: the CRMs rate-limit their token endpoints, and
/// Salesforce can be set to rotate refresh tokens.
/// </summary>
internal sealed class OAuthTokenProvider : IDisposable
{
    /// <summary>A token is renewed this long before the expiry the CRM announced, so a request does not carry one about to lapse.</summary>
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(60);

    private readonly OAuthSettings _settings;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly string _tokenClientName;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private OAuthToken? _current;
    private string? _refreshToken;

    public OAuthTokenProvider(OAuthSettings settings, IHttpClientFactory httpClientFactory, string tokenClientName, TimeProvider timeProvider)
    {
        _settings = settings;
        _httpClientFactory = httpClientFactory;
        _tokenClientName = tokenClientName;
        _timeProvider = timeProvider;
        _refreshToken = settings.Options.RefreshToken;
        if (!string.IsNullOrWhiteSpace(settings.Options.AccessToken))
        {
            _current = new OAuthToken(settings.Options.AccessToken, null, null);
        }
    }

    /// <summary>The number of refreshes made, for the connector's tests and logs.</summary>
    public int RefreshCount { get; private set; }

    /// <summary>The token to send: the cached one while it has not expired, else a fresh one.</summary>
    public async Task<OAuthToken> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && !IsExpired(current))
        {
            return current;
        }

        return await RefreshAsync(current, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A token other than <paramref name="refused"/>: the one another caller got meanwhile, or a new one from the
    /// token endpoint. Throws a <see cref="CrmException"/> naming the source when there is nothing to refresh with or
    /// the CRM refuses the refresh token.
    /// </summary>
    public async Task<OAuthToken> RefreshAsync(OAuthToken? refused, CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (current is not null && !ReferenceEquals(current, refused) && !IsExpired(current))
            {
                return current;
            }

            if (!_settings.CanRefresh)
            {
                throw CrmErrors.Unauthorized(_settings.Source, refused is null
                    ? "no access token is configured, and no refresh token with the app's client id and secret to get one"
                    : "the access token was refused, and no refresh token with the app's client id and secret is configured to renew it");
            }

            var token = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
            RefreshCount++;
            Volatile.Write(ref _current, token);
            return token;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    public void Dispose() => _refreshLock.Dispose();

    private bool IsExpired(OAuthToken token) => token.ExpiresAt is { } expiresAt && _timeProvider.GetUtcNow() >= expiresAt - ExpiryMargin;

    private async Task<OAuthToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var options = _settings.Options;
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "refresh_token"),
                new("refresh_token", _refreshToken!),
                new("client_id", options.ClientId!),
                new("client_secret", options.ClientSecret!),
            ]),
        };

        var client = _httpClientFactory.CreateClient(_tokenClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (CrmApi.IsTransportFailure(exception, cancellationToken))
        {
            throw CrmErrors.Unreachable(_settings.Source, "its token endpoint", exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadOAuthErrorAsync(response, cancellationToken).ConfigureAwait(false);
                throw CrmErrors.Unauthorized(_settings.Source, $"the token endpoint refused the refresh token ({(int)response.StatusCode}{error})");
            }

            using var document = await CrmJson.ParseAsync(response, new CrmRecordRef(_settings.Source, "token response"), cancellationToken).ConfigureAwait(false);
            return ReadToken(document.RootElement);
        }
    }

    private OAuthToken ReadToken(JsonElement root)
    {
        var record = new CrmRecordRef(_settings.Source, "token response");
        var accessToken = CrmJson.RequiredString(root, "access_token", record);
        var expiresIn = CrmJson.OptionalDecimal(root, "expires_in", record);
        DateTimeOffset? expiresAt = expiresIn is > 0 and < 31_536_000 ? _timeProvider.GetUtcNow().AddSeconds((double)expiresIn.Value) : null;
        Uri? apiBaseUrl = null;
        if (_settings.ApiBaseUrlField is { } field && CrmJson.OptionalString(root, field, record) is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out apiBaseUrl) || apiBaseUrl.Scheme != Uri.UriSchemeHttps && apiBaseUrl.Scheme != Uri.UriSchemeHttp)
            {
                throw CrmErrors.Malformed(record, field, "is not an absolute http or https URL");
            }
        }

        // Some CRMs rotate refresh tokens: the new one replaces the old for the next refresh.
        if (CrmJson.OptionalString(root, "refresh_token", record) is { Length: > 0 } rotated)
        {
            _refreshToken = rotated;
        }

        return new OAuthToken(accessToken, expiresAt, apiBaseUrl);
    }

    /// <summary>The OAuth error code (RFC 6749 section 5.2) when the body carries one, so the user sees <c>invalid_grant</c>, not a parser message.</summary>
    private static async Task<string> ReadOAuthErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(
                await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), default, cancellationToken).ConfigureAwait(false);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String
                ? $" {error.GetString()}"
                : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }
}
