using Invoicing.Crm.Http;
using Invoicing.Crm.Zoho;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using WireMock.Logging;
using WireMock.RequestBuilders;

namespace Invoicing.Crm.Connectors.Tests.Support;

public sealed class ZohoCase : ConnectorCase
{
    public const string Account1 = "4876876000000624001";

    public const string Account2 = "4876876000000624002";

    public override string Name => "zoho";

    public override string Folder => "Zoho";

    public override string TokenPath => "/oauth/v2/token";

    public override Instant LatestDealModified => Instant.FromUtc(2026, 3, 1, 16, 0);

    public override string Authorization(string token) => "Zoho-oauthtoken " + token;

    public override void StubAll(FakeCrm crm)
    {
        var server = crm.Server;
        StubToken(crm);
        server.Given(FirstDealsPage()).AtPriority(FakeCrm.Default).RespondWith(FakeCrm.Json(FirstDealsPageBody(crm)));
        foreach (var (token, page) in new[] { ("tok-page-2", 2), ("tok-page-3", 3) })
        {
            server.Given(Request.Create().WithPath("/crm/v3/Deals").UsingGet().WithParam("page_token", token)).AtPriority(FakeCrm.Default)
                .RespondWith(FakeCrm.Json(crm.Fixture(Folder, $"deals-page-{page}.json")));
        }

        server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/crm/v3/Deals/[0-9]+/Products$")).UsingGet()).AtPriority(FakeCrm.Default)
            .RespondWith(FakeCrm.Json(crm.Fixture(Folder, "deal-products.json")));
        server.Given(Request.Create().WithPath("/crm/v3/Accounts").UsingGet()).AtPriority(FakeCrm.Default)
            .RespondWith(FakeCrm.Json(crm.Fixture(Folder, "accounts-page-1.json")));
        server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/crm/v3/Accounts/[0-9]+/Contacts$")).UsingGet()).AtPriority(FakeCrm.Default)
            .RespondWith(FakeCrm.Json(crm.Fixture(Folder, "account-contacts.json")));
        server.Given(Request.Create().WithPath($"/crm/v3/Accounts/{Account1}").UsingGet()).AtPriority(FakeCrm.Default)
            .RespondWith(FakeCrm.Json(crm.Fixture(Folder, "account-1.json")));
        server.Given(Request.Create().WithPath($"/crm/v3/Accounts/{Account2}").UsingGet()).AtPriority(FakeCrm.Default)
            .RespondWith(FakeCrm.Json(crm.Fixture(Folder, "account-2.json")));
    }

    public override IRequestBuilder FirstDealsPage() => Request.Create().WithPath("/crm/v3/Deals").UsingGet().WithParam("page", "1");

    public override string FirstDealsPageBody(FakeCrm crm) => crm.Fixture(Folder, "deals-page-1.json");

    public override bool IsDealsPage(ILogEntry entry) => entry.RequestMessage.Path == "/crm/v3/Deals";

    public override void AssertAsksModifiedSince(ILogEntry entry, Instant since)
        => Assert.Equal($"{since.ToDateTimeUtc():yyyy'-'MM'-'dd'T'HH':'mm':'ss}+00:00", Assert.Single(entry.RequestMessage.Headers!["If-Modified-Since"]));

    public override void AssertAsksAll(ILogEntry entry)
        => Assert.False(entry.RequestMessage.Headers!.ContainsKey("If-Modified-Since"));

    protected override void Register(IServiceCollection services, string baseUrl, Action<CrmConnectorOptions> common)
        => services.AddZohoCrm(options =>
        {
            common(options);
            options.ApiDomain = new Uri(baseUrl);
            options.PageSize = 2;
        });
}
