using System.Text.Json;
using Invoicing.Crm.Connectors.Tests.Support;
using Invoicing.Crm.HubSpot;
using NodaTime;
using WireMock.RequestBuilders;

namespace Invoicing.Crm.Connectors.Tests.HubSpot;

public sealed class HubSpotCrmSourceTests : IDisposable
{
    private readonly FakeCrm _crm = new();
    private readonly HubSpotCase _connector = new();

    public HubSpotCrmSourceTests() => _connector.StubAll(_crm);

    public void Dispose() => _crm.Dispose();

    [Fact]
    public async Task DealsAsync_SearchesWonStagesSortedByModificationWithTheMappedProperties()
    {
        using var provider = _connector.Build(_crm);

        await ConnectorBehaviourTests.ReadDealsAsync(ConnectorCase.Source(provider), null);

        var search = _crm.Log.First(_connector.IsDealsPage);
        using var body = JsonDocument.Parse(search.RequestMessage.Body!);
        var root = body.RootElement;
        var stage = Assert.Single(HubSpotCase.Filters(search));
        Assert.Equal("dealstage", stage.GetProperty("propertyName").GetString());
        Assert.Equal("IN", stage.GetProperty("operator").GetString());
        Assert.Equal(["closedwon"], stage.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("hs_lastmodifieddate", root.GetProperty("sorts")[0].GetProperty("propertyName").GetString());
        Assert.Equal("ASCENDING", root.GetProperty("sorts")[0].GetProperty("direction").GetString());
        Assert.Equal(2, root.GetProperty("limit").GetInt32());
        Assert.Contains("payment_days", root.GetProperty("properties").EnumerateArray().Select(p => p.GetString()));
        var second = _crm.Log.Where(_connector.IsDealsPage).ElementAt(1);
        Assert.Contains("\"after\":\"2\"", second.RequestMessage.Body, StringComparison.Ordinal);
        var lines = _crm.Log.First(entry => entry.RequestMessage.Path == "/crm/v3/objects/line_items/batch/read");
        Assert.Contains("\"hs_tax_rate\"", lines.RequestMessage.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DealsAsync_MapsDealsLineItemsAndCompanies()
    {
        using var provider = _connector.Build(_crm);

        var deals = (await ConnectorBehaviourTests.ReadDealsAsync(ConnectorCase.Source(provider), null)).SelectMany(page => page.Items).ToList();

        var first = deals[0];
        Assert.Equal("1", first.Id);
        Assert.Equal("101", first.CustomerId);
        Assert.Equal("Éclairage boutique 1", first.Name);
        Assert.Equal(new LocalDate(2026, 3, 1), first.ClosedOn);
        Assert.Equal("EUR", first.Currency);
        Assert.Equal(30, first.PaymentDays);
        Assert.Equal(Instant.FromUtc(2026, 3, 1, 11, 0), first.ModifiedAt);
        Assert.Equal(2, first.Lines.Count);
        Assert.Equal(189.90m, first.Lines[0].UnitPrice);
        Assert.Equal(4m, first.Lines[0].Quantity);
        Assert.Equal(20m, first.Lines[0].VatRate);
        Assert.Equal("SUSP-LAI", first.Lines[0].ProductCode);
        Assert.Equal(3.5m, first.Lines[1].Quantity);
        Assert.Equal("S", first.Lines[1].VatCategory);
        Assert.Equal("102", deals[^1].CustomerId);
    }

    [Fact]
    public async Task DealsAsync_CustomPropertiesFromTheMapping_AreAskedFor()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddHubSpotCrm(o =>
        {
            o.AccessToken = "fresh-token";
            o.BaseUrl = new Uri(_crm.Url);
            o.Fields.Siren = "numero_siren";
            o.Fields.VatRate = "taux_tva";
            o.WonStages.Add("contractsent");
        });
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var source = ConnectorCase.Source(provider);

        await ConnectorBehaviourTests.ReadDealsAsync(source, null);
        await foreach (var _ in source.CustomersAsync(null))
        {
        }

        var companies = _crm.Log.First(entry => entry.RequestMessage.Path == "/crm/v3/objects/companies/search");
        Assert.Contains("\"numero_siren\"", companies.RequestMessage.Body, StringComparison.Ordinal);
        var lines = _crm.Log.First(entry => entry.RequestMessage.Path == "/crm/v3/objects/line_items/batch/read");
        Assert.Contains("\"taux_tva\"", lines.RequestMessage.Body, StringComparison.Ordinal);
        Assert.Equal(["closedwon", "contractsent"], HubSpotCase.Filters(_crm.Log.First(_connector.IsDealsPage))[0].GetProperty("values").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task DealsAsync_APriceThatIsNoNumber_FailsNamingTheLineItemAndTheField()
    {
        var broken = _crm.Fixture("HubSpot", "line-items-batch.json").Replace("\"189.90\"", "\"189,90\"", StringComparison.Ordinal);
        _crm.Server.Given(Request.Create().WithPath("/crm/v3/objects/line_items/batch/read").UsingPost()).AtPriority(FakeCrm.Override).RespondWith(FakeCrm.Json(broken));
        using var provider = _connector.Build(_crm);

        var error = await Assert.ThrowsAsync<CrmException>(() => ConnectorBehaviourTests.ReadDealsAsync(ConnectorCase.Source(provider), null));

        Assert.Equal(CrmErrorReason.MalformedResponse, error.Reason);
        Assert.Equal("1001", error.RecordId);
        Assert.Equal("price", error.Field);
        Assert.Equal("hubspot: the field 'price' of the line item 1001 is not a number: '189,90'.", error.Message);
    }

    [Fact]
    public async Task DealsAsync_NearTheSearchWindow_StartsANewSearchFromTheLatestChange()
    {
        var page = _crm.Fixture("HubSpot", "deals-search-page-1.json").Replace("\"after\": \"2\"", $"\"after\": \"{HubSpotCrmSource.SearchWindow - 1}\"", StringComparison.Ordinal);
        _crm.Server.Given(_connector.FirstDealsPage().WithBody((string? body) => body is not null && !body.Contains("GTE", StringComparison.Ordinal)))
            .AtPriority(FakeCrm.Override).RespondWith(FakeCrm.Json(page));
        _crm.Server.Given(_connector.FirstDealsPage().WithBody((string? body) => body is not null && body.Contains("GTE", StringComparison.Ordinal)))
            .AtPriority(FakeCrm.Override).RespondWith(FakeCrm.Json(_crm.Fixture("HubSpot", "deals-search-page-3.json")));
        using var provider = _connector.Build(_crm);

        var pages = await ConnectorBehaviourTests.ReadDealsAsync(ConnectorCase.Source(provider), null);

        Assert.Equal(2, pages.Count);
        Assert.Equal(new CrmCursor(Instant.FromUtc(2026, 3, 1, 12, 0)), pages[0].Next);
        var restart = _crm.Log.Where(_connector.IsDealsPage).ElementAt(1);
        Assert.DoesNotContain("\"after\"", restart.RequestMessage.Body, StringComparison.Ordinal);
        _connector.AssertAsksModifiedSince(restart, Instant.FromUtc(2026, 3, 1, 12, 0));
    }

    [Theory]
    [InlineData("101/../../secrets")]
    [InlineData("abc")]
    [InlineData("")]
    public async Task GetCustomerAsync_AnIdThatIsNoHubSpotId_IsNoneWithoutARequest(string id)
    {
        using var provider = _connector.Build(_crm);

        Assert.Null(await ConnectorCase.Source(provider).GetCustomerAsync(id));
        Assert.Empty(_crm.Log);
    }

    [Fact]
    public async Task GetCustomerAsync_ACompanyWithoutContact_HasNoEmailRatherThanFailing()
    {
        _crm.Server.Given(Request.Create().WithPath("/crm/v4/associations/companies/contacts/batch/read").UsingPost()).AtPriority(FakeCrm.Override)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(204));
        using var provider = _connector.Build(_crm);

        var customer = await ConnectorCase.Source(provider).GetCustomerAsync("101");

        Assert.Equal("Boulangerie Dupont & Fils", customer?.Name);
        Assert.Null(customer?.Email);
        Assert.Null(customer?.Language);
    }

    [Fact]
    public async Task GetCustomerAsync_Unknown_IsNone()
    {
        using var provider = _connector.Build(_crm);

        Assert.Null(await ConnectorCase.Source(provider).GetCustomerAsync("999"));
    }
}
