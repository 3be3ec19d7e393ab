namespace Invoicing.Crm.Http;

/// <summary>
/// What every CRM connector needs to reach its API: the OAuth 2 credentials and how transient failures are retried.
/// Each connector's options add its base URL and its field mapping. Validated at start.
/// </summary>
public abstract class CrmConnectorOptions
{
    /// <summary>
    /// An access token to start with (a HubSpot private app token needs nothing else). Optional when
    /// <see cref="RefreshToken"/> is set: the first request then fetches one.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>The OAuth 2 refresh token; with <see cref="ClientId"/> and <see cref="ClientSecret"/>, a refused access token is refreshed once.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>The OAuth 2 client id of the app registered in the CRM. Required with <see cref="RefreshToken"/>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth 2 client secret of the app registered in the CRM. Required with <see cref="RefreshToken"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The CRM's OAuth 2 token endpoint; each connector sets the CRM's documented default.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>Retries of a transient failure (5xx, 408, 429, timeout, connection), waiting what a <c>Retry-After</c> header asks, else with exponential backoff. 0 to 10; default 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The delay before the first retry when the CRM gives no <c>Retry-After</c>, doubled at each. Default: 1 second.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take. Default: 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request may take with all its retries. Default: 3 minutes.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Records asked for per page, within the CRM's own maximum. Default: 100.</summary>
    public int PageSize { get; set; } = 100;
}
