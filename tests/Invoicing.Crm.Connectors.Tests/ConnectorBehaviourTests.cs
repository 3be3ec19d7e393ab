using Invoicing.Crm.Connectors.Tests.Support;
using WireMock.ResponseBuilders;

namespace Invoicing.Crm.Connectors.Tests;

/// <summary>
/// What every connector must do against its CRM's documented answers: page through, wait what a 429 asks, refresh a
/// refused token once, retry a 500, and turn an unreadable answer into a typed error naming the source.
/// </summary>
public sealed class ConnectorBehaviourTests : IDisposable
{
    private readonly FakeCrm _crm = new();

    public void Dispose() => _crm.Dispose();

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task DealsAsync_ThreePages_ReadsEveryDealAndEndsWithTheLatestMark(ConnectorCase connector)
    {
        connector.StubAll(_crm);
        using var provider = connector.Build(_crm);

        var pages = await ReadDealsAsync(ConnectorCase.Source(provider), null);

        Assert.Equal(3, pages.Count);
        Assert.Equal(connector.DealCount, pages.Sum(page => page.Items.Count));
        Assert.Equal(connector.DealCount, pages.SelectMany(page => page.Items).Select(deal => deal.Id).Distinct().Count());
        Assert.All(pages.SelectMany(page => page.Items), deal => Assert.True(deal.IsWon));
        Assert.All(pages.Take(2), page => Assert.NotNull(page.Next.Position));
        Assert.Null(pages[^1].Next.Position);
        Assert.Equal(connector.LatestDealModified, pages[^1].Next.ModifiedSince);
        Assert.Equal(3, _crm.Log.Count(connector.IsDealsPage));
        connector.AssertAsksAll(_crm.Log.First(connector.IsDealsPage));
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task DealsAsync_ResumedFromAPagePosition_ReadsOnlyTheRemainingPages(ConnectorCase connector)
    {
        connector.StubAll(_crm);
        using var provider = connector.Build(_crm);
        var first = (await ReadDealsAsync(ConnectorCase.Source(provider), null))[0];
        var before = _crm.Log.Count(connector.IsDealsPage);

        var rest = await ReadDealsAsync(ConnectorCase.Source(provider), CrmCursor.Parse(first.Next.ToString(), connector.Name));

        Assert.Equal(2, rest.Count);
        Assert.Equal(connector.DealCount - first.Items.Count, rest.Sum(page => page.Items.Count));
        Assert.Equal(before + 2, _crm.Log.Count(connector.IsDealsPage));
        Assert.Equal(connector.LatestDealModified, rest[^1].Next.ModifiedSince);
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task DealsAsync_SecondRun_AsksOnlyForDealsModifiedSinceTheFirst(ConnectorCase connector)
    {
        connector.StubAll(_crm);
        using var provider = connector.Build(_crm);
        var first = await ReadDealsAsync(ConnectorCase.Source(provider), null);
        var mark = first[^1].Next;
        _crm.Server.ResetLogEntries();

        await ReadDealsAsync(ConnectorCase.Source(provider), CrmCursor.Parse(mark.ToString(), connector.Name));

        var request = _crm.Log.First(connector.IsDealsPage);
        connector.AssertAsksModifiedSince(request, connector.LatestDealModified);
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task DealsAsync_429WithRetryAfter_WaitsWhatTheCrmAsksThenSucceeds(ConnectorCase connector)
    {
        connector.StubAll(_crm);
        _crm.Server.Given(connector.FirstDealsPage()).InScenario("limit").WillSetStateTo("lifted").AtPriority(FakeCrm.Override)
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "2").WithHeader("Content-Type", "application/json")
                .WithBody(_crm.Fixture(connector.Folder, "rate-limited.json")));
        _crm.Server.Given(connector.FirstDealsPage()).InScenario("limit").WhenStateIs("lifted").AtPriority(FakeCrm.Override)
            .RespondWith(FakeCrm.Json(connector.FirstDealsPageBody(_crm)));
        using var provider = connector.Build(_crm);

        var pages = await ReadDealsAsync(ConnectorCase.Source(provider), null);

        Assert.Equal(connector.DealCount, pages.Sum(page => page.Items.Count));
        var firstPage = _crm.Log.Where(connector.IsDealsPage).Take(2).Select(entry => entry.RequestMessage.DateTime).ToList();

        // The retry delay is 10 ms: a gap of two seconds is the Retry-After header's, read from the server's own log.
        Assert.True(firstPage[1] - firstPage[0] >= TimeSpan.FromSeconds(1.9), $"the retry came {(firstPage[1] - firstPage[0]).TotalMilliseconds} ms after the 429");
    }

    [Fact]
    public async Task DealsAsync_503WithRetryAfter_WaitsWhatTheCrmAsksToo()
    {
        var connector = new HubSpotCase();
        connector.StubAll(_crm);
        _crm.Server.Given(connector.FirstDealsPage()).InScenario("maintenance").WillSetStateTo("over").AtPriority(FakeCrm.Override)
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "2"));
        _crm.Server.Given(connector.FirstDealsPage()).InScenario("maintenance").WhenStateIs("over").AtPriority(FakeCrm.Override)
            .RespondWith(FakeCrm.Json(connector.FirstDealsPageBody(_crm)));
        using var provider = connector.Build(_crm);

        await ReadDealsAsync(ConnectorCase.Source(provider), null);

        var firstPage = _crm.Log.Where(connector.IsDealsPage).Take(2).Select(entry => entry.RequestMessage.DateTime).ToList();
        Assert.True(firstPage[1] - firstPage[0] >= TimeSpan.FromSeconds(1.9), $"the retry came {(firstPage[1] - firstPage[0]).TotalMilliseconds} ms after the 503");
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task DealsAsync_500ThenSuccess_Retries(ConnectorCase connector)
    {
        connector.StubAll(_crm);
        _crm.Server.Given(connector.FirstDealsPage()).InScenario("outage").WillSetStateTo("over").AtPriority(FakeCrm.Override)
            .RespondWith(FakeCrm.Json("{\"message\":\"internal error\"}", 500));
        _crm.Server.Given(connector.FirstDealsPage()).InScenario("outage").WhenStateIs("over").AtPriority(FakeCrm.Override)
            .RespondWith(FakeCrm.Json(connector.FirstDealsPageBody(_crm)));
        using var provider = connector.Build(_crm);

        var pages = await ReadDealsAsync(ConnectorCase.Source(provider), null);

        Assert.Equal(connector.DealCount, pages.Sum(page => page.Items.Count));
        Assert.Equal(4, _crm.Log.Count(connector.IsDealsPage));
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task DealsAsync_500Always_FailsAsUnavailableNamingTheSource(ConnectorCase connector)
    {
        connector.StubAll(_crm);
        _crm.Server.Given(connector.FirstDealsPage()).AtPriority(FakeCrm.Override).RespondWith(FakeCrm.Json("{}", 503));
        using var provider = connector.Build(_crm);

        var error = await Assert.ThrowsAsync<CrmException>(() => ReadDealsAsync(ConnectorCase.Source(provider), null));

        Assert.Equal(CrmErrorReason.Unavailable, error.Reason);
        Assert.Equal(connector.Name, error.SourceName);
        Assert.StartsWith(connector.Name + ": ", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, _crm.Log.Count(connector.IsDealsPage));
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task DealsAsync_401_RefreshesTheTokenOnceAndSucceeds(ConnectorCase connector)
    {
        connector.StubAll(_crm);
        _crm.Server.Given(connector.FirstDealsPage().WithHeader("Authorization", connector.Authorization("stale-token"))).AtPriority(FakeCrm.Override)
            .RespondWith(FakeCrm.Json(_crm.Fixture(connector.Folder, "unauthorized.json"), 401));
        using var provider = connector.Build(_crm, accessToken: "stale-token");

        var pages = await ReadDealsAsync(ConnectorCase.Source(provider), null);

        Assert.Equal(connector.DealCount, pages.Sum(page => page.Items.Count));
        var token = Assert.Single(_crm.Log, entry => entry.RequestMessage.Path == connector.TokenPath);
        var form = token.RequestMessage.Body!;
        Assert.Contains("grant_type=refresh_token", form, StringComparison.Ordinal);
        Assert.Contains("refresh_token=" + ConnectorCase.RefreshToken, form, StringComparison.Ordinal);
        Assert.Contains("client_id=" + ConnectorCase.ClientId, form, StringComparison.Ordinal);
        var deals = _crm.Log.Where(connector.IsDealsPage).ToList();
        Assert.Equal(connector.Authorization("stale-token"), deals[0].RequestMessage.Headers!["Authorization"].Single());
        Assert.All(deals.Skip(1), entry => Assert.Equal(connector.Authorization("fresh-token"), entry.RequestMessage.Headers!["Authorization"].Single()));
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task DealsAsync_401AfterTheRefreshToo_FailsAsUnauthorizedNamingTheSource(ConnectorCase connector)
    {
        RefuseEveryFirstDealsPage(connector);
        using var provider = connector.Build(_crm, accessToken: "stale-token");

        var error = await Assert.ThrowsAsync<CrmException>(() => ReadDealsAsync(ConnectorCase.Source(provider), null));

        Assert.Equal(CrmErrorReason.Unauthorized, error.Reason);
        Assert.Equal(connector.Name, error.SourceName);
        Assert.Contains("refused again", error.Message, StringComparison.Ordinal);
        Assert.Single(_crm.Log, entry => entry.RequestMessage.Path == connector.TokenPath);
        Assert.Equal(2, _crm.Log.Count(connector.IsDealsPage));
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task DealsAsync_401WithoutRefreshToken_FailsAsUnauthorizedWithoutCallingTheTokenEndpoint(ConnectorCase connector)
    {
        RefuseEveryFirstDealsPage(connector);
        using var provider = connector.Build(_crm, accessToken: "stale-token", withRefresh: false);

        var error = await Assert.ThrowsAsync<CrmException>(() => ReadDealsAsync(ConnectorCase.Source(provider), null));

        Assert.Equal(CrmErrorReason.Unauthorized, error.Reason);
        Assert.Contains("no refresh token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_crm.Log, entry => entry.RequestMessage.Path == connector.TokenPath);
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task DealsAsync_RefreshTokenRefused_FailsAsUnauthorizedWithTheOAuthError(ConnectorCase connector)
    {
        RefuseEveryFirstDealsPage(connector);
        _crm.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(connector.TokenPath).UsingPost()).AtPriority(FakeCrm.Override)
            .RespondWith(FakeCrm.Json("{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}", 400));
        using var provider = connector.Build(_crm, accessToken: "stale-token");

        var error = await Assert.ThrowsAsync<CrmException>(() => ReadDealsAsync(ConnectorCase.Source(provider), null));

        Assert.Equal(CrmErrorReason.Unauthorized, error.Reason);
        Assert.Contains("invalid_grant", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task DealsAsync_MalformedJson_FailsAsMalformedNamingTheSourceNotTheParser(ConnectorCase connector)
    {
        connector.StubAll(_crm);
        _crm.Server.Given(connector.FirstDealsPage()).AtPriority(FakeCrm.Override).RespondWith(FakeCrm.Json("{\"results\": [{\"id\": \"1\", "));
        using var provider = connector.Build(_crm);

        var error = await Assert.ThrowsAsync<CrmException>(() => ReadDealsAsync(ConnectorCase.Source(provider), null));

        Assert.Equal(CrmErrorReason.MalformedResponse, error.Reason);
        Assert.Equal(connector.Name, error.SourceName);
        Assert.Contains("is not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Json", error.Message.Replace("JSON", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("line", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task DealsAsync_UnexpectedShape_FailsAsMalformed(ConnectorCase connector)
    {
        connector.StubAll(_crm);
        _crm.Server.Given(connector.FirstDealsPage()).AtPriority(FakeCrm.Override).RespondWith(FakeCrm.Json("[1, 2, 3]"));
        using var provider = connector.Build(_crm);

        var error = await Assert.ThrowsAsync<CrmException>(() => ReadDealsAsync(ConnectorCase.Source(provider), null));

        Assert.Equal(CrmErrorReason.MalformedResponse, error.Reason);
        Assert.Equal(connector.Name, error.SourceName);
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task DealsAsync_APositionNotWrittenByTheConnector_FailsAsInvalidCursor(ConnectorCase connector)
    {
        connector.StubAll(_crm);
        using var provider = connector.Build(_crm);

        var error = await Assert.ThrowsAsync<CrmException>(() => ReadDealsAsync(ConnectorCase.Source(provider), new CrmCursor(null, "https://evil.example/steal")));

        Assert.Equal(CrmErrorReason.InvalidCursor, error.Reason);
        Assert.DoesNotContain(_crm.Log, connector.IsDealsPage);
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task CustomersAsync_ReadsEveryCustomerWithItsContact(ConnectorCase connector)
    {
        connector.StubAll(_crm);
        using var provider = connector.Build(_crm);

        var customers = new List<CrmCustomer>();
        await foreach (var page in ConnectorCase.Source(provider).CustomersAsync(null))
        {
            customers.AddRange(page.Items);
        }

        Assert.Equal(2, customers.Count);
        var dupont = Assert.Single(customers, c => c.Name == "Boulangerie Dupont & Fils");
        Assert.Equal("compta@dupont-fils.example", dupont.Email);
        Assert.Equal("fr", dupont.Language);
        Assert.Equal("FR14987654324", dupont.VatId);
        Assert.Equal("France", dupont.Address?.Country);
        Assert.Equal("69100", dupont.Address?.PostCode);
        var martin = Assert.Single(customers, c => c.Name == "Garage Martin");
        Assert.Null(martin.Siren);
    }

    /// <summary>Every request for the first page of deals answered 401 with the CRM's documented error, whatever the token.</summary>
    private void RefuseEveryFirstDealsPage(ConnectorCase connector)
    {
        connector.StubAll(_crm);
        _crm.Server.Given(connector.FirstDealsPage()).AtPriority(FakeCrm.Override)
            .RespondWith(FakeCrm.Json(_crm.Fixture(connector.Folder, "unauthorized.json"), 401));
    }

    internal static async Task<List<CrmPage<CrmDeal>>> ReadDealsAsync(ICrmSource source, CrmCursor? since)
    {
        var pages = new List<CrmPage<CrmDeal>>();
        await foreach (var page in source.DealsAsync(since))
        {
            pages.Add(page);
        }

        return pages;
    }
}
