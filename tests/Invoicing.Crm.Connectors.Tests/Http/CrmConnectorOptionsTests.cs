using Invoicing.Crm.HubSpot;
using Invoicing.Crm.Salesforce;
using Invoicing.Crm.Zoho;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invoicing.Crm.Connectors.Tests.Http;

/// <summary>Options are checked before any request: every problem named, with the source, in the host's words.</summary>
public sealed class CrmConnectorOptionsTests
{
    [Fact]
    public void AddHubSpotCrm_NoCredentials_FailsNamingTheSourceAndTheOptions()
    {
        var error = Resolve(services => services.AddHubSpotCrm(_ => { }));

        Assert.Contains("hubspot: set AccessToken, or RefreshToken with ClientId and ClientSecret.", error.Failures);
    }

    [Fact]
    public void AddHubSpotCrm_HalfARefreshSetAndBadRetries_FailsWithEveryProblem()
    {
        var error = Resolve(services => services.AddHubSpotCrm(o =>
        {
            o.RefreshToken = "r";
            o.MaxRetries = 11;
            o.AttemptTimeout = TimeSpan.FromMinutes(5);
            o.TotalTimeout = TimeSpan.FromMinutes(1);
            o.PageSize = 500;
            o.WonStages.Clear();
        }));

        Assert.Contains("hubspot: RefreshToken, ClientId and ClientSecret go together: set all three or none.", error.Failures);
        Assert.Contains("hubspot: MaxRetries must be 0 to 10.", error.Failures);
        Assert.Contains("hubspot: TotalTimeout must be longer than AttemptTimeout and at most 1 day.", error.Failures);
        Assert.Contains("hubspot: PageSize must be at most 200, the search API's limit.", error.Failures);
        Assert.Contains("hubspot: WonStages must name at least one deal stage, none blank.", error.Failures);
    }

    [Theory]
    [InlineData("SIREN__c, (SELECT Id FROM User)")]
    [InlineData("Name FROM Account --")]
    [InlineData("a'b")]
    public void AddSalesforceCrm_AFieldNameThatIsNoApiName_IsRefusedBeforeItReachesSoql(string field)
    {
        var error = Resolve(services => services.AddSalesforceCrm(o =>
        {
            o.AccessToken = "t";
            o.InstanceUrl = new Uri("https://example.my.salesforce.com");
            o.Fields.Siren = field;
        }));

        Assert.Contains("salesforce: Fields.Siren must be a field's API name (letters, digits and underscores, such as SIREN__c).", error.Failures);
    }

    [Fact]
    public void AddSalesforceCrm_NoInstance_Fails()
    {
        var error = Resolve(services => services.AddSalesforceCrm(o => o.AccessToken = "t"));

        Assert.Contains("salesforce: InstanceUrl must be the org's absolute https URL.", error.Failures);
    }

    [Fact]
    public void AddZohoCrm_ARelativeApiDomain_Fails()
    {
        var error = Resolve(services => services.AddZohoCrm(o =>
        {
            o.AccessToken = "t";
            o.ApiDomain = new Uri("/crm", UriKind.Relative);
            o.QuantityField = "Qty&fields=x";
        }));

        Assert.Contains("zoho: ApiDomain must be an absolute https URL such as https://www.zohoapis.eu.", error.Failures);
        Assert.Contains("zoho: QuantityField must be a field's API name (letters, digits and underscores, such as VAT_Number).", error.Failures);
    }

    [Fact]
    public void AddZohoCrm_ValidOptions_ResolveTheSource()
    {
        var services = new ServiceCollection();
        services.AddZohoCrm(o => o.AccessToken = "t");
        using var provider = services.BuildServiceProvider();

        Assert.Equal("zoho", Assert.Single(provider.GetServices<ICrmSource>()).Name);
    }

    private static OptionsValidationException Resolve(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetServices<ICrmSource>().ToList());
    }
}
