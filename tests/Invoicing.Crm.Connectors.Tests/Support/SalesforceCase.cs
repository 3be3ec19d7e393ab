using Invoicing.Crm.Http;
using Invoicing.Crm.Salesforce;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace Invoicing.Crm.Connectors.Tests.Support;

public sealed class SalesforceCase : ConnectorCase
{
    public const string QueryPath = "/services/data/v60.0/query";

    public override string Name => "salesforce";

    public override string Folder => "Salesforce";

    public override string TokenPath => "/services/oauth2/token";

    public override Instant LatestDealModified => Instant.FromUtc(2026, 3, 1, 16, 0);

    public override void StubAll(FakeCrm crm)
    {
        var server = crm.Server;
        StubToken(crm);
        server.Given(FirstDealsPage()).AtPriority(FakeCrm.Default).RespondWith(FakeCrm.Json(FirstDealsPageBody(crm)));
        foreach (var (locator, page) in new[] { ("01g5g00000QueryAAA-2", 2), ("01g5g00000QueryAAA-4", 3) })
        {
            server.Given(Request.Create().WithPath($"{QueryPath}/{locator}").UsingGet()).AtPriority(FakeCrm.Default)
                .RespondWith(FakeCrm.Json(crm.Fixture(Folder, $"opportunities-page-{page}.json")));
        }

        server.Given(Query("FROM Account ORDER BY")).AtPriority(FakeCrm.Default).RespondWith(FakeCrm.Json(crm.Fixture(Folder, "accounts.json")));
        server.Given(Query("FROM Account WHERE SystemModstamp")).AtPriority(FakeCrm.Default).RespondWith(FakeCrm.Json(crm.Fixture(Folder, "accounts.json")));
        server.Given(Query("Id = '0015g00000XyZ01AAB'")).AtPriority(FakeCrm.Default).RespondWith(FakeCrm.Json(crm.Fixture(Folder, "account-1.json")));
        server.Given(Query("Id = '0015g00000XyZ02AAB'")).AtPriority(FakeCrm.Default).RespondWith(FakeCrm.Json(crm.Fixture(Folder, "account-2.json")));
    }

    public override IRequestBuilder FirstDealsPage() => Query("FROM Opportunity");

    public override string FirstDealsPageBody(FakeCrm crm) => crm.Fixture(Folder, "opportunities-page-1.json");

    public override bool IsDealsPage(ILogEntry entry) => entry.RequestMessage.Path.StartsWith(QueryPath, StringComparison.Ordinal)
        && (Soql(entry)?.Contains("FROM Opportunity", StringComparison.Ordinal) ?? true);

    public override void AssertAsksModifiedSince(ILogEntry entry, Instant since)
        => Assert.Contains($"WHERE IsWon = true AND SystemModstamp >= {since.ToDateTimeUtc():yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'} ORDER BY SystemModstamp ASC", Soql(entry), StringComparison.Ordinal);

    public override void AssertAsksAll(ILogEntry entry)
        => Assert.Contains("WHERE IsWon = true ORDER BY SystemModstamp ASC", Soql(entry), StringComparison.Ordinal);

    /// <summary>The SOQL of a query request, decoded.</summary>
    public static string? Soql(ILogEntry entry)
        => entry.RequestMessage.Query is { } query && query.TryGetValue("q", out var q) ? q.Single() : null;

    protected override void Register(IServiceCollection services, string baseUrl, Action<CrmConnectorOptions> common)
        => services.AddSalesforceCrm(options =>
        {
            common(options);
            options.InstanceUrl = new Uri(baseUrl);
            options.PageSize = 200;
        });

    private static IRequestBuilder Query(string fragment)
        => Request.Create().WithPath(QueryPath).UsingGet().WithParam("q", new WildcardMatcher("*" + fragment + "*"));
}
