using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Invoicing.Core;
using Invoicing.Crm;
using Invoicing.Crm.HubSpot;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Invoicing.Benchmarks;

/// <summary>
/// 10,000 won deals read through the HubSpot connector from a WireMock server answering HubSpot's documented JSON
/// (search pages of 100 with <c>after</c>, the search window restarted at 10,000, batch association and line item
/// reads), each deal mapped into a validated draft. The HTTP stack, the resilience pipeline, the OAuth handler and the
/// JSON reading are all real; the server runs in the same process.
/// </summary>
[MemoryDiagnoser]
public class HubSpotConnectorBenchmarks
{
    private const int Deals = 10_000;
    private static readonly long FirstModified = Instant.FromUtc(2026, 3, 1, 0, 0).ToUnixTimeMilliseconds();
    private WireMockServer _server = null!;
    private ServiceProvider _provider = null!;
    private CrmMapping _mapping = null!;
    private CrmCustomer _customer = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _server = WireMockServer.Start();
        _server.Given(Request.Create().WithPath("/crm/v3/objects/deals/search").UsingPost()).RespondWith(Response.Create().WithCallback(request => Json(Search(request.Body!))));
        _server.Given(Request.Create().WithPath("/crm/v4/associations/deals/companies/batch/read").UsingPost()).RespondWith(Response.Create().WithCallback(request => Json(Associations(request.Body!, _ => "101"))));
        _server.Given(Request.Create().WithPath("/crm/v4/associations/deals/line_items/batch/read").UsingPost()).RespondWith(Response.Create().WithCallback(request => Json(Associations(request.Body!, id => "9" + id))));
        _server.Given(Request.Create().WithPath("/crm/v3/objects/line_items/batch/read").UsingPost()).RespondWith(Response.Create().WithCallback(request => Json(LineItems(request.Body!))));
        _server.Given(Request.Create().WithPath("/crm/v3/objects/companies/101").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Company));
        _server.Given(Request.Create().WithPath("/crm/v4/associations/companies/contacts/batch/read").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));

        var services = new ServiceCollection();
        services.AddHubSpotCrm(o =>
        {
            o.AccessToken = "benchmark";
            o.BaseUrl = new Uri(_server.Url!);
        });
        _provider = services.BuildServiceProvider();
        _customer = (await Source.GetCustomerAsync("101"))!;
        _mapping = new CrmMapping(Invoicing.Crm.Tests.CrmFixtures.Template);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        _server.Stop();
    }

    private ICrmSource Source => _provider.GetServices<ICrmSource>().Single();

    [Benchmark]
    public async Task<int> Read10000DealsAndDraft()
    {
        var read = 0;
        var drafted = 0;
        await foreach (var page in Source.DealsAsync(null))
        {
            foreach (var deal in page.Items)
            {
                read++;
                drafted += _mapping.ToDraft(deal, _customer, new LocalDate(2026, 3, 10)).IsHeld ? 0 : 1;
            }
        }

        Console.WriteLine($"// deals read {read}, drafted {drafted}");
        return read >= Deals ? drafted : throw new InvalidOperationException($"{read} deals read, not {Deals}");
    }

    private static ResponseMessage Json(string body) => new()
    {
        StatusCode = 200,
        Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new WireMock.Util.BodyData { BodyAsString = body, DetectedBodyType = WireMock.Types.BodyType.String, Encoding = Encoding.UTF8 },
    };

    /// <summary>The search page asked for: deals from the GTE mark on, offset by <c>after</c>, 100 a page.</summary>
    private static string Search(string body)
    {
        using var request = JsonDocument.Parse(body);
        var root = request.RootElement;
        var after = root.TryGetProperty("after", out var a) ? int.Parse(a.GetString()!, CultureInfo.InvariantCulture) : 0;
        var limit = root.GetProperty("limit").GetInt32();
        var first = 1;
        foreach (var filter in root.GetProperty("filterGroups")[0].GetProperty("filters").EnumerateArray())
        {
            if (filter.GetProperty("operator").GetString() == "GTE")
            {
                first = (int)((long.Parse(filter.GetProperty("value").GetString()!, CultureInfo.InvariantCulture) - FirstModified) / 1000);
            }
        }

        var start = first + after;
        var end = Math.Min(Deals, start + limit - 1);
        var json = new StringBuilder("{\"total\":").Append(Deals - first + 1).Append(",\"results\":[");
        for (var id = start; id <= end; id++)
        {
            var modified = DateTimeOffset.FromUnixTimeMilliseconds(FirstModified + (id * 1000L)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            json.Append(id == start ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $$"""{"id":"{{id}}","properties":{"dealname":"Deal {{id}}","dealstage":"closedwon","closedate":"2026-03-01T09:00:00.000Z","deal_currency_code":"EUR","hs_lastmodifieddate":"{{modified}}","payment_days":"30"},"createdAt":"2026-02-01T00:00:00.000Z","updatedAt":"{{modified}}","archived":false}""");
        }

        json.Append(']');
        if (end < Deals)
        {
            json.Append(",\"paging\":{\"next\":{\"after\":\"").Append(after + limit).Append("\"}}");
        }

        return json.Append('}').ToString();
    }

    private static string Associations(string body, Func<string, string> target)
    {
        using var request = JsonDocument.Parse(body);
        var results = request.RootElement.GetProperty("inputs").EnumerateArray().Select(input => input.GetProperty("id").GetString()!)
            .Select(id => $$"""{"from":{"id":"{{id}}"},"to":[{"toObjectId":{{target(id)}},"associationTypes":[{"category":"HUBSPOT_DEFINED","typeId":1,"label":null}]}]}""");
        return $$"""{"status":"COMPLETE","results":[{{string.Join(',', results)}}],"startedAt":"2026-03-10T08:00:00.000Z","completedAt":"2026-03-10T08:00:00.050Z"}""";
    }

    private static string LineItems(string body)
    {
        using var request = JsonDocument.Parse(body);
        var results = request.RootElement.GetProperty("inputs").EnumerateArray().Select(input => input.GetProperty("id").GetString()!)
            .Select(id => $$"""{"id":"{{id}}","properties":{"name":"Suspension laiton","quantity":"4","price":"189.90","hs_sku":"SUSP-LAI","hs_tax_rate":"20","hs_lastmodifieddate":"2026-02-01T00:00:00.000Z"},"createdAt":"2026-02-01T00:00:00.000Z","updatedAt":"2026-02-01T00:00:00.000Z","archived":false}""");
        return $$"""{"status":"COMPLETE","results":[{{string.Join(',', results)}}],"startedAt":"2026-03-10T08:00:00.000Z","completedAt":"2026-03-10T08:00:00.050Z"}""";
    }

    private const string Company = """{"id":"101","properties":{"name":"Boulangerie Dupont & Fils","address":"3 place du Marché","city":"Villeurbanne","zip":"69100","country":"France","siren":"987654324","vat_number":"FR14987654324","hs_lastmodifieddate":"2026-02-01T08:00:00.000Z"},"createdAt":"2026-01-05T08:00:00.000Z","updatedAt":"2026-02-01T08:00:00.000Z","archived":false}""";
}
