using Invoicing.Crm.HubSpot;
using Invoicing.Crm.Salesforce;
using Invoicing.Crm.Zoho;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Crm.Connectors.Tests;

/// <summary>The wiring of docs/crm-connectors.md and docs/packages/Invoicing.Crm.*.md, compiled and run; keep them in step.</summary>
public sealed class GuideExamplesTests
{
    [Fact]
    public void Wiring_TheThreeConnectorsTogether_AreThreeSourcesByName()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HubSpot:PrivateAppToken"] = "pat-eu1-0000",
            ["Salesforce:ConsumerKey"] = "key",
            ["Salesforce:ConsumerSecret"] = "secret",
            ["Salesforce:RefreshToken"] = "refresh",
            ["Zoho:ClientId"] = "1000.ABC",
            ["Zoho:ClientSecret"] = "secret",
            ["Zoho:RefreshToken"] = "1000.refresh",
        }).Build();
        var services = new ServiceCollection();

        services.AddHubSpotCrm(o =>
        {
            o.AccessToken = configuration["HubSpot:PrivateAppToken"];
            o.Fields.Siren = "numero_siren";
        });
        services.AddSalesforceCrm(o =>
        {
            o.InstanceUrl = new Uri("https://example.my.salesforce.com");
            o.ClientId = configuration["Salesforce:ConsumerKey"];
            o.ClientSecret = configuration["Salesforce:ConsumerSecret"];
            o.RefreshToken = configuration["Salesforce:RefreshToken"];
        });
        services.AddZohoCrm(o =>
        {
            o.ApiDomain = new Uri("https://www.zohoapis.eu");
            o.TokenEndpoint = new Uri("https://accounts.zoho.eu/oauth/v2/token");
            o.ClientId = configuration["Zoho:ClientId"];
            o.ClientSecret = configuration["Zoho:ClientSecret"];
            o.RefreshToken = configuration["Zoho:RefreshToken"];
        });
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["hubspot", "salesforce", "zoho"], provider.GetServices<ICrmSource>().Select(s => s.Name));
        Assert.Equal("hubspot", provider.GetServices<ICrmSource>().Single(s => s.Name == "hubspot").Name);
    }

    [Fact]
    public void AddHubSpotCrm_CalledTwice_RegistersOneSource()
    {
        var services = new ServiceCollection();
        services.AddHubSpotCrm(o => o.AccessToken = "a");
        services.AddHubSpotCrm(o => o.AccessToken = "b");
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<ICrmSource>());
    }
}
