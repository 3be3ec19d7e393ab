using System.Text;
using Invoicing.France.Tests.Platform;
using NodaTime;

namespace Invoicing.France.Tests.Http;

/// <summary>OAuth 2 client credentials: one token shared by calls, renewed on expiry and once on a 401.</summary>
public sealed class PlatformAuthenticationTests : IDisposable
{
    private readonly FakePlatform _platform = new();

    [Fact]
    public async Task Calls_OneTokenKeptForAll()
    {
        using var clients = new PlatformClients(_platform);

        await clients.Flows.IsHealthyAsync();
        await clients.Flows.SearchAsync(new FlowSearchCriteria { TrackingId = "t" });
        await clients.Directory.IsHealthyAsync();

        Assert.Equal(1, _platform.TokensIssued);
        Assert.All(_platform.Requests, r => Assert.Equal("Bearer token-1", r.Request.Headers["Authorization"]));
    }

    [Fact]
    public async Task Calls_TokenAboutToExpire_Renewed()
    {
        using var clients = new PlatformClients(_platform);
        await clients.Flows.IsHealthyAsync();

        clients.Clock.Advance(Duration.FromSeconds(3600 - 29));
        await clients.Flows.IsHealthyAsync();

        Assert.Equal(2, _platform.TokensIssued);
        Assert.Equal("Bearer token-2", _platform.Requests[^1].Request.Headers["Authorization"]);
    }

    [Fact]
    public async Task Call_TokenRevoked_NewTokenAndTheCallSucceeds()
    {
        using var clients = new PlatformClients(_platform);
        await clients.Flows.IsHealthyAsync();
        _platform.RevokeTokens();

        var receipt = await clients.Flows.SubmitAsync(new FlowInfo("a.xml", FlowSyntax.Cii, "t-1"), Encoding.UTF8.GetBytes("<a/>"));

        Assert.Equal(2, _platform.TokensIssued);
        Assert.Single(_platform.Flows);
        Assert.Equal(receipt.FlowId, _platform.Flows[0].FlowId);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task Call_WrongSecret_TypedErrorNamingTheClientAndTheReason()
    {
        using var clients = new PlatformClients(_platform, o => o.ClientSecret = "wrong");

        var e = await Assert.ThrowsAsync<FrenchPlatformException>(() => clients.Flows.SearchAsync(new FlowSearchCriteria { TrackingId = "t" }));

        Assert.Equal(401, e.StatusCode);
        Assert.Equal("invalid_client", e.ErrorCode);
        Assert.Contains("invoicing-client", e.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown client or wrong secret", e.Message, StringComparison.Ordinal);
        Assert.Empty(_platform.Requests);
    }

    public void Dispose() => _platform.Dispose();
}
