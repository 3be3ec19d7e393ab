using Invoicing.Crm.Connectors.Tests.Support;
using WireMock.RequestBuilders;

namespace Invoicing.Crm.Connectors.Tests.Http;

public sealed class OAuthTokenProviderTests : IDisposable
{
    private readonly FakeCrm _crm = new();

    public void Dispose() => _crm.Dispose();

    [Fact]
    public async Task GetCustomerAsync_TwentyConcurrentRequestsRefused_RefreshTheTokenOnce()
    {
        var connector = new HubSpotCase();
        connector.StubAll(_crm);
        _crm.Server.Given(Request.Create().WithPath("/crm/v3/objects/companies/101").UsingGet().WithHeader("Authorization", "Bearer stale-token"))
            .AtPriority(FakeCrm.Override).RespondWith(FakeCrm.Json(_crm.Fixture("HubSpot", "unauthorized.json"), 401));
        using var provider = connector.Build(_crm, accessToken: "stale-token");
        var source = ConnectorCase.Source(provider);

        var customers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => source.GetCustomerAsync("101"))));

        Assert.All(customers, customer => Assert.Equal("Boulangerie Dupont & Fils", customer?.Name));
        Assert.Single(_crm.Log, entry => entry.RequestMessage.Path == connector.TokenPath);
    }

    [Fact]
    public async Task GetCustomerAsync_NoAccessToken_FetchesOneWithTheRefreshTokenFirst()
    {
        var connector = new SalesforceCase();
        connector.StubAll(_crm);
        using var provider = connector.Build(_crm, accessToken: null);

        var customer = await ConnectorCase.Source(provider).GetCustomerAsync("0015g00000XyZ01AAB");

        Assert.Equal("Boulangerie Dupont & Fils", customer?.Name);
        var log = _crm.Log;
        Assert.Equal(connector.TokenPath, log[0].RequestMessage.Path);
        Assert.Equal("Bearer fresh-token", log[1].RequestMessage.Headers!["Authorization"].Single());
    }
}
