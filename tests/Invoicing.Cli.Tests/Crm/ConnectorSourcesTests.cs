using Invoicing.Cli.Commands.Crm;
using Invoicing.Crm;

namespace Invoicing.Cli.Tests.Crm;

/// <summary><c>invoicing crm sync --source hubspot|salesforce|zoho</c>: the factories behind the names.</summary>
public sealed class ConnectorSourcesTests
{
    [Theory]
    [InlineData("hubspot", null)]
    [InlineData("salesforce", "https://example.my.salesforce.com")]
    [InlineData("zoho", null)]
    public void Factories_ATokenGiven_BuildTheNamedConnector(string name, string? baseUrl)
    {
        var source = CrmSources.Factories[name](new CrmSourceArguments { Source = name, Token = "token", BaseUrl = baseUrl });

        Assert.Equal(name, source.Name);
    }

    [Theory]
    [InlineData("HubSpot")]
    [InlineData("ZOHO")]
    public void Factories_AnyCase_FindsTheConnector(string name)
        => Assert.True(CrmSources.Factories.ContainsKey(name));

    [Theory]
    [InlineData("hubspot")]
    [InlineData("salesforce")]
    [InlineData("zoho")]
    public void Factories_NoCredentials_FailAsConfigurationNamingWhatToSet(string name)
    {
        var error = Assert.Throws<CrmException>(() => CrmSources.Factories[name](new CrmSourceArguments { Source = name, BaseUrl = "https://crm.example" }));

        Assert.Equal(CrmErrorReason.Configuration, error.Reason);
        Assert.Contains($"{name}: set AccessToken, or RefreshToken with ClientId and ClientSecret.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factories_SalesforceWithoutInstance_FailAsConfiguration()
    {
        var error = Assert.Throws<CrmException>(() => CrmSources.Factories["salesforce"](new CrmSourceArguments { Source = "salesforce", Token = "t" }));

        Assert.Contains("salesforce: InstanceUrl must be the org's absolute https URL.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factories_ABaseUrlThatIsNoUrl_FailsNamingTheOption()
    {
        var error = Assert.Throws<CrmException>(() => CrmSources.Factories["zoho"](new CrmSourceArguments { Source = "zoho", Token = "t", BaseUrl = "ftp://x" }));

        Assert.Equal("--base-url", error.Field);
        Assert.Equal("zoho: --base-url must be an absolute http or https URL.", error.Message);
    }

    [Fact]
    public void Factories_ASalesforceFieldThatIsNoApiName_IsRefused()
    {
        var arguments = new CrmSourceArguments { Source = "salesforce", Token = "t", BaseUrl = "https://example.my.salesforce.com" };
        arguments.Fields.Siren = "Id FROM User --";

        var error = Assert.Throws<CrmException>(() => CrmSources.Factories["salesforce"](arguments));

        Assert.Contains("Fields.Siren must be a field's API name", error.Message, StringComparison.Ordinal);
    }
}
