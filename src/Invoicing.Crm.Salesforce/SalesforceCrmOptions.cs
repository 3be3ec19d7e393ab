using Invoicing.Crm.Http;

namespace Invoicing.Crm.Salesforce;

/// <summary>
/// How to reach a Salesforce org and read it: the instance (My Domain) URL, and an access token or a connected app's
/// refresh token, client id (consumer key) and secret (OAuth scopes <c>api</c> and <c>refresh_token</c>). The token
/// response's <c>instance_url</c> takes over from <see cref="InstanceUrl"/> once a token is refreshed.
/// </summary>
public sealed class SalesforceCrmOptions : CrmConnectorOptions
{
    /// <summary>The login host's token endpoint (a sandbox uses <c>https://test.salesforce.com/services/oauth2/token</c>).</summary>
    public static readonly Uri DefaultTokenEndpoint = new("https://login.salesforce.com/services/oauth2/token");

    /// <summary>Creates the options with Salesforce's login endpoint and pages of 1,000 records (the query batch size, 200 to 2,000).</summary>
    public SalesforceCrmOptions()
    {
        TokenEndpoint = DefaultTokenEndpoint;
        PageSize = 1000;
    }

    /// <summary>The org's instance URL, such as <c>https://example.my.salesforce.com</c>. Required.</summary>
    public Uri? InstanceUrl { get; set; }

    /// <summary>The REST API version. Default: <c>v60.0</c>.</summary>
    public string ApiVersion { get; set; } = "v60.0";

    /// <summary>
    /// Whether the org has multiple currencies enabled, so opportunities have <c>CurrencyIsoCode</c> (a single-currency
    /// org refuses the field; its deals take the template's default currency). Default: false.
    /// </summary>
    public bool MultiCurrency { get; set; }

    /// <summary>
    /// The custom fields holding what Salesforce has no standard field for; SOQL refuses a field the org lacks, so
    /// create these or map them to yours. Defaults: Account <c>SIREN__c</c>, <c>SIRET__c</c>, <c>VAT_Number__c</c>,
    /// <c>Language__c</c>; OpportunityLineItem <c>VAT_Category__c</c>, <c>VAT_Rate__c</c>; Opportunity <c>Payment_Days__c</c>.
    /// </summary>
    public CrmFieldMapping Fields { get; } = new();
}
