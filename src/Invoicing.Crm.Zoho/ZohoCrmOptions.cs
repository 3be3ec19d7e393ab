using Invoicing.Crm.Http;

namespace Invoicing.Crm.Zoho;

/// <summary>
/// How to reach a Zoho CRM org and read it: the data centre's API domain and accounts server, and a self client's or
/// server app's refresh token, client id and secret (scopes <c>ZohoCRM.modules.accounts.READ</c>,
/// <c>ZohoCRM.modules.contacts.READ</c>, <c>ZohoCRM.modules.deals.READ</c>, <c>ZohoCRM.modules.products.READ</c>).
/// The token response's <c>api_domain</c> takes over from <see cref="ApiDomain"/> once a token is refreshed.
/// </summary>
public sealed class ZohoCrmOptions : CrmConnectorOptions
{
    /// <summary>The US data centre's API domain (Europe: <c>https://www.zohoapis.eu</c>, India: <c>.in</c>, ...).</summary>
    public static readonly Uri DefaultApiDomain = new("https://www.zohoapis.com");

    /// <summary>The US accounts server's token endpoint (Europe: <c>https://accounts.zoho.eu/oauth/v2/token</c>, ...).</summary>
    public static readonly Uri DefaultTokenEndpoint = new("https://accounts.zoho.com/oauth/v2/token");

    /// <summary>Creates the options for the US data centre and pages of 200 records, the API's largest.</summary>
    public ZohoCrmOptions()
    {
        TokenEndpoint = DefaultTokenEndpoint;
        PageSize = 200;
    }

    /// <summary>The API domain of the org's data centre. Default: <see cref="DefaultApiDomain"/>.</summary>
    public Uri? ApiDomain { get; set; } = DefaultApiDomain;

    /// <summary>The deal stages that mean won: only those deals are invoiced. Default: <c>Closed Won</c>.</summary>
    public ISet<string> WonStages { get; } = new HashSet<string>(StringComparer.Ordinal) { "Closed Won" };

    /// <summary>
    /// The product field holding the quantity sold on a deal. Zoho's deal–product relation carries no quantity of its
    /// own: when the field is absent or empty, a related product is sold once. Default: <c>Quantity</c>.
    /// </summary>
    public string QuantityField { get; set; } = "Quantity";

    /// <summary>
    /// The custom fields holding what Zoho has no standard field for. Defaults: Account <c>SIREN</c>, <c>SIRET</c>,
    /// <c>VAT_Number</c>, <c>Language</c>; Product <c>VAT_Category</c>, <c>VAT_Rate</c>; Deal <c>Payment_Days</c>.
    /// </summary>
    public CrmFieldMapping Fields { get; } = new();
}
