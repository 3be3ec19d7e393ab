using Invoicing.Crm.Connectors.Tests.Support;
using WireMock.RequestBuilders;

namespace Invoicing.Crm.Connectors.Tests.Zoho;

public sealed class ZohoCrmSourceTests : IDisposable
{
    private readonly FakeCrm _crm = new();
    private readonly ZohoCase _connector = new();

    public ZohoCrmSourceTests() => _connector.StubAll(_crm);

    public void Dispose() => _crm.Dispose();

    [Fact]
    public async Task DealsAsync_ListsSortedByModificationThenFollowsPageTokens()
    {
        using var provider = _connector.Build(_crm);

        await ConnectorBehaviourTests.ReadDealsAsync(ConnectorCase.Source(provider), null);

        var requests = _crm.Log.Where(_connector.IsDealsPage).Select(entry => entry.RequestMessage.Query!).ToList();
        Assert.Equal("Deal_Name,Stage,Closing_Date,Account_Name,Currency,Modified_Time,Payment_Days", string.Join(',', requests[0]["fields"]));
        Assert.Equal("2", requests[0]["per_page"].Single());
        Assert.Equal("Modified_Time", requests[0]["sort_by"].Single());
        Assert.Equal("asc", requests[0]["sort_order"].Single());
        Assert.Equal("1", requests[0]["page"].Single());
        Assert.Equal("tok-page-2", requests[1]["page_token"].Single());
        Assert.Equal("tok-page-3", requests[2]["page_token"].Single());
        Assert.Equal("Zoho-oauthtoken fresh-token", _crm.Log[0].RequestMessage.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task DealsAsync_MapsDealsAndTheirProducts()
    {
        using var provider = _connector.Build(_crm);

        var deals = (await ConnectorBehaviourTests.ReadDealsAsync(ConnectorCase.Source(provider), null)).SelectMany(page => page.Items).ToList();

        var first = deals[0];
        Assert.Equal(ZohoCase.Account1, first.CustomerId);
        Assert.Equal(new NodaTime.LocalDate(2026, 3, 1), first.ClosedOn);
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 3, 1, 11, 0), first.ModifiedAt);
        Assert.Equal("EUR", first.Currency);
        Assert.Equal(189.9m, first.Lines[0].UnitPrice);
        Assert.Equal(4m, first.Lines[0].Quantity);
        Assert.Equal(ZohoCase.Account2, deals[^1].CustomerId);
    }

    [Fact]
    public async Task DealsAsync_AProductWithoutQuantity_IsSoldOnce()
    {
        var products = _crm.Fixture("Zoho", "deal-products.json").Replace("\"Quantity\": 4", "\"Quantity\": null", StringComparison.Ordinal);
        _crm.Server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/crm/v3/Deals/[0-9]+/Products$")).UsingGet())
            .AtPriority(FakeCrm.Override).RespondWith(FakeCrm.Json(products));
        using var provider = _connector.Build(_crm);

        var deals = (await ConnectorBehaviourTests.ReadDealsAsync(ConnectorCase.Source(provider), null)).SelectMany(page => page.Items).ToList();

        Assert.Equal(1m, deals[0].Lines[0].Quantity);
    }

    [Fact]
    public async Task DealsAsync_ADealNotWon_ComesAsNotWonWithoutAskingForItsProducts()
    {
        var page = _crm.Fixture("Zoho", "deals-page-1.json").Replace("\"Stage\": \"Closed Won\"", "\"Stage\": \"Negotiation/Review\"", StringComparison.Ordinal);
        _crm.Server.Given(_connector.FirstDealsPage()).AtPriority(FakeCrm.Override).RespondWith(FakeCrm.Json(page));
        using var provider = _connector.Build(_crm);

        var deals = (await ConnectorBehaviourTests.ReadDealsAsync(ConnectorCase.Source(provider), null)).SelectMany(p => p.Items).ToList();

        Assert.False(deals[0].IsWon);
        Assert.Empty(deals[0].Lines);
        Assert.True(deals[2].IsWon);
        Assert.Equal(4, _crm.Log.Count(entry => entry.RequestMessage.Path.EndsWith("/Products", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DealsAsync_NotModified_EndsWithTheSameMark()
    {
        _crm.Server.Given(_connector.FirstDealsPage().WithHeader("If-Modified-Since", "*")).AtPriority(FakeCrm.Override)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(304));
        using var provider = _connector.Build(_crm);
        var since = new CrmCursor(_connector.LatestDealModified);

        var pages = await ConnectorBehaviourTests.ReadDealsAsync(ConnectorCase.Source(provider), since);

        var page = Assert.Single(pages);
        Assert.Empty(page.Items);
        Assert.Equal(since, page.Next);
    }

    [Fact]
    public async Task DealsAsync_AModifiedTimeThatIsNoDate_FailsNamingTheDealAndTheField()
    {
        var page = _crm.Fixture("Zoho", "deals-page-1.json").Replace("2026-03-01T12:00:00+01:00", "yesterday", StringComparison.Ordinal);
        _crm.Server.Given(_connector.FirstDealsPage()).AtPriority(FakeCrm.Override).RespondWith(FakeCrm.Json(page));
        using var provider = _connector.Build(_crm);

        var error = await Assert.ThrowsAsync<CrmException>(() => ConnectorBehaviourTests.ReadDealsAsync(ConnectorCase.Source(provider), null));

        Assert.Equal("4876876000000625001", error.RecordId);
        Assert.Equal("Modified_Time", error.Field);
        Assert.Equal("zoho: the field 'Modified_Time' of the deal 4876876000000625001 is not a date and time: 'yesterday'.", error.Message);
    }

    [Fact]
    public async Task GetCustomerAsync_ReadsTheAccountAndItsFirstContact()
    {
        using var provider = _connector.Build(_crm);

        var customer = await ConnectorCase.Source(provider).GetCustomerAsync(ZohoCase.Account1);

        Assert.Equal("Boulangerie Dupont & Fils", customer?.Name);
        Assert.Equal("compta@dupont-fils.example", customer?.Email);
        Assert.Equal("Marie Dupont", customer?.ContactName);
        Assert.Equal("987654324", customer?.Siren);
    }
}
