using System.Text.Json;
using Invoicing.Crm.Http;
using Invoicing.Crm.HubSpot;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using WireMock.Logging;
using WireMock.RequestBuilders;

namespace Invoicing.Crm.Connectors.Tests.Support;

public sealed class HubSpotCase : ConnectorCase
{
    public override string Name => "hubspot";

    public override string Folder => "HubSpot";

    public override string TokenPath => "/oauth/v1/token";

    public override Instant LatestDealModified => Instant.FromUtc(2026, 3, 1, 16, 0);

    public override void StubAll(FakeCrm crm)
    {
        var server = crm.Server;
        StubToken(crm);
        server.Given(FirstDealsPage()).AtPriority(FakeCrm.Default).RespondWith(FakeCrm.Json(FirstDealsPageBody(crm)));
        foreach (var (after, page) in new[] { ("2", 2), ("4", 3) })
        {
            server.Given(Request.Create().WithPath("/crm/v3/objects/deals/search").UsingPost().WithBody((string? body) => After(body) == after))
                .AtPriority(FakeCrm.Default).RespondWith(FakeCrm.Json(crm.Fixture(Folder, $"deals-search-page-{page}.json")));
        }

        Post(crm, "/crm/v4/associations/deals/companies/batch/read", "deals-to-companies.json");
        Post(crm, "/crm/v4/associations/deals/line_items/batch/read", "deals-to-line-items.json");
        Post(crm, "/crm/v3/objects/line_items/batch/read", "line-items-batch.json");
        Post(crm, "/crm/v3/objects/companies/search", "companies-search.json");
        Post(crm, "/crm/v4/associations/companies/contacts/batch/read", "companies-to-contacts.json");
        Post(crm, "/crm/v3/objects/contacts/batch/read", "contacts-batch.json");
        foreach (var id in new[] { "101", "102" })
        {
            server.Given(Request.Create().WithPath($"/crm/v3/objects/companies/{id}").UsingGet()).AtPriority(FakeCrm.Default)
                .RespondWith(FakeCrm.Json(crm.Fixture(Folder, $"company-{id}.json")));
        }
    }

    public override IRequestBuilder FirstDealsPage()
        => Request.Create().WithPath("/crm/v3/objects/deals/search").UsingPost().WithBody((string? body) => After(body) is null);

    public override string FirstDealsPageBody(FakeCrm crm) => crm.Fixture(Folder, "deals-search-page-1.json");

    public override bool IsDealsPage(ILogEntry entry) => entry.RequestMessage.Path == "/crm/v3/objects/deals/search";

    public override void AssertAsksModifiedSince(ILogEntry entry, Instant since)
    {
        var filters = Filters(entry);
        var modified = Assert.Single(filters, f => f.GetProperty("propertyName").GetString() == "hs_lastmodifieddate");
        Assert.Equal("GTE", modified.GetProperty("operator").GetString());
        Assert.Equal(since.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), modified.GetProperty("value").GetString());
    }

    public override void AssertAsksAll(ILogEntry entry)
        => Assert.DoesNotContain(Filters(entry), f => f.GetProperty("propertyName").GetString() == "hs_lastmodifieddate");

    /// <summary>The filters of a search request's single filter group.</summary>
    public static List<JsonElement> Filters(ILogEntry entry)
    {
        using var body = JsonDocument.Parse(entry.RequestMessage.Body!);
        var groups = body.RootElement.GetProperty("filterGroups");
        return groups.GetArrayLength() == 0 ? [] : [.. Assert.Single(groups.EnumerateArray()).GetProperty("filters").EnumerateArray().Select(f => f.Clone())];
    }

    protected override void Register(IServiceCollection services, string baseUrl, Action<CrmConnectorOptions> common)
        => services.AddHubSpotCrm(options =>
        {
            common(options);
            options.BaseUrl = new Uri(baseUrl);
            options.PageSize = 2;
        });

    private void Post(FakeCrm crm, string path, string fixture)
        => crm.Server.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(FakeCrm.Default).RespondWith(FakeCrm.Json(crm.Fixture(Folder, fixture)));

    private static string? After(string? body)
    {
        if (body is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("after", out var after) ? after.GetString() : null;
    }
}
