namespace Invoicing.Crm.Http.OAuth;

/// <summary>
/// How one connector authenticates: its credentials, the header scheme (Zoho wants <c>Zoho-oauthtoken</c>, the others
/// <c>Bearer</c>) and the token response field that names the API's base URL, if the CRM sends one.
/// </summary>
internal sealed record OAuthSettings(
    string Source,
    CrmConnectorOptions Options,
    string Scheme = "Bearer",
    string? ApiBaseUrlField = null)
{
    /// <summary>Whether a refused access token can be refreshed: a refresh token and the app's credentials are all there.</summary>
    public bool CanRefresh => !string.IsNullOrWhiteSpace(Options.RefreshToken)
        && !string.IsNullOrWhiteSpace(Options.ClientId)
        && !string.IsNullOrWhiteSpace(Options.ClientSecret)
        && Options.TokenEndpoint is not null;
}
