using Invoicing.Crm.Http;

namespace Invoicing.Crm.HubSpot;

/// <summary>
/// How to reach a HubSpot account and read it. Authenticate with a private app's access token
/// (<see cref="CrmConnectorOptions.AccessToken"/>), or with a public app's refresh token, client id and secret.
/// Scopes: <c>crm.objects.companies.read</c>, <c>crm.objects.contacts.read</c>, <c>crm.objects.deals.read</c>,
/// <c>crm.objects.line_items.read</c>.
/// </summary>
public sealed class HubSpotCrmOptions : CrmConnectorOptions
{
    /// <summary>HubSpot's API host.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.hubapi.com");

    /// <summary>HubSpot's OAuth token endpoint.</summary>
    public static readonly Uri DefaultTokenEndpoint = new("https://api.hubapi.com/oauth/v1/token");

    /// <summary>Creates the options with HubSpot's endpoints.</summary>
    public HubSpotCrmOptions() => TokenEndpoint = DefaultTokenEndpoint;

    /// <summary>The API host. Default: <see cref="DefaultBaseUrl"/>.</summary>
    public Uri? BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The deal stages (internal values, not labels) that mean won: only those deals are read. Default: <c>closedwon</c>.</summary>
    public ISet<string> WonStages { get; } = new HashSet<string>(StringComparer.Ordinal) { "closedwon" };

    /// <summary>
    /// The custom properties holding what HubSpot has no standard property for. Defaults: company <c>siren</c>,
    /// <c>siret</c>, <c>vat_number</c>; contact <c>hs_language</c>; line item <c>vat_category</c> and <c>hs_tax_rate</c>;
    /// deal <c>payment_days</c>.
    /// </summary>
    public CrmFieldMapping Fields { get; } = new();
}
