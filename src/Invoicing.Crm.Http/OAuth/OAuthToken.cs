namespace Invoicing.Crm.Http.OAuth;

/// <summary>
/// An access token and what came with it. <see cref="ApiBaseUrl"/> is where the CRM says to send API calls
/// (Salesforce's <c>instance_url</c>, Zoho's <c>api_domain</c>), null when it says nothing.
/// </summary>
internal sealed record OAuthToken(string AccessToken, DateTimeOffset? ExpiresAt, Uri? ApiBaseUrl);
