using System.Text;
using Invoicing.France.Tests.Platform;

namespace Invoicing.France.Tests.Http;

/// <summary>Passing failures are retried (429 and 503 with Retry-After), the platform's refusals are not, and both end in words.</summary>
public sealed class PlatformResilienceTests : IDisposable
{
    private readonly FakePlatform _platform = new();

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Submit_TransientWithRetryAfter_RetriedAndTakenOnce(int status)
    {
        using var clients = new PlatformClients(_platform);
        _platform.FailNext(status, retryAfter: "1");

        await clients.Flows.SubmitAsync(new FlowInfo("a.xml", FlowSyntax.Cii, "t-1"), Encoding.UTF8.GetBytes("<a/>"));

        Assert.Equal(2, _platform.Requests.Count);
        Assert.Single(_platform.Flows);
        _platform.AssertConformant();
    }

    [Fact]
    public async Task Search_TransientBeyondTheRetries_TypedTransientError()
    {
        using var clients = new PlatformClients(_platform, o => o.MaxRetries = 2);
        for (var i = 0; i < 3; i++)
        {
            _platform.FailNext(503);
        }

        var e = await Assert.ThrowsAsync<FrenchPlatformException>(() => clients.Flows.SearchAsync(new FlowSearchCriteria { TrackingId = "t" }));

        Assert.Equal(3, _platform.Requests.Count);
        Assert.Equal(503, e.StatusCode);
        Assert.True(e.IsTransient);
        Assert.Equal("The platform refused to search flows: RESOURCE_ERROR (Try again later) (HTTP 503).", e.Message);
    }

    [Fact]
    public async Task Search_BadRequest_NotRetriedAndTheReasonNamed()
    {
        using var clients = new PlatformClients(_platform);
        _platform.FailNext(400);

        var e = await Assert.ThrowsAsync<FrenchPlatformException>(() => clients.Flows.SearchAsync(new FlowSearchCriteria { TrackingId = "t" }));

        Assert.Single(_platform.Requests);
        Assert.False(e.IsTransient);
        Assert.Equal("RESOURCE_ERROR", e.ErrorCode);
    }

    [Fact]
    public async Task Call_PlatformUnreachable_TypedErrorInWords()
    {
        var port = _platform.Server.Port;
        _platform.Dispose();
        using var clients = new PlatformClients(_platform, o => o.MaxRetries = 0);

        var e = await Assert.ThrowsAsync<FrenchPlatformException>(() => clients.Directory.FindRouteAsync("732829320"));

        Assert.Null(e.StatusCode);
        Assert.True(e.IsTransient);
        Assert.Contains("did not answer", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", e.Message, StringComparison.Ordinal);
        Assert.True(port > 0);
    }

    public void Dispose() => _platform.Dispose();
}
