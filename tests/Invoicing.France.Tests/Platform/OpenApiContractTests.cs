using System.Text;

namespace Invoicing.France.Tests.Platform;

/// <summary>The judge of the client's requests is not lenient: what departs from the AFNOR documents is reported.</summary>
public sealed class OpenApiContractTests
{
    private static readonly Dictionary<string, string> Bearer = new(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = "Bearer token-1", ["Content-Type"] = "application/json" };

    [Fact]
    public void CheckRequest_DocumentedSearch_NoError()
    {
        var request = new RecordedRequest("POST", "/v1/flows/search", new Dictionary<string, string>(), Bearer, Encoding.UTF8.GetBytes("""{"limit":25,"where":{"trackingId":"t-1"}}"""));

        Assert.Empty(OpenApiContract.Flow.CheckRequest(request));
    }

    [Theory]
    [InlineData("POST", "/v1/flows/find", """{"where":{}}""")]
    [InlineData("POST", "/v1/flows/search", """{"limit":25}""")]
    [InlineData("POST", "/v1/flows/search", """{"limit":500,"where":{}}""")]
    [InlineData("POST", "/v1/flows/search", """{"where":{"flowDirection":["Sideways"]}}""")]
    [InlineData("POST", "/v1/flows/search", """{"where":{"updatedAfter":"yesterday"}}""")]
    public void CheckRequest_Undocumented_Reported(string method, string path, string body)
    {
        var request = new RecordedRequest(method, path, new Dictionary<string, string>(), Bearer, Encoding.UTF8.GetBytes(body));

        Assert.NotEmpty(OpenApiContract.Flow.CheckRequest(request));
    }

    [Fact]
    public void CheckRequest_NoToken_Reported()
    {
        var request = new RecordedRequest("GET", "/v1/healthcheck", new Dictionary<string, string>(), new Dictionary<string, string>(), []);

        Assert.Contains(OpenApiContract.Flow.CheckRequest(request), e => e.Contains("bearer", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/v1/siren/code-insee:12345678", "")]
    [InlineData("/v1/siren/code-insee:732829320", "unknown=1")]
    public void CheckRequest_BadPathOrQuery_Reported(string path, string query)
    {
        var parameters = query.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { [query.Split('=')[0]] = query.Split('=')[1] };
        var request = new RecordedRequest("GET", path, parameters, Bearer, []);

        Assert.NotEmpty(OpenApiContract.Directory.CheckRequest(request));
    }

    [Fact]
    public void CheckResponse_UndocumentedStatusOrShape_Reported()
    {
        Assert.NotEmpty(OpenApiContract.Flow.CheckResponse("createFlow", 200, """{"flowId":"f"}"""));
        Assert.NotEmpty(OpenApiContract.Flow.CheckResponse("createFlow", 202, """{"flowId":"f"}"""));
        Assert.Empty(OpenApiContract.Flow.CheckResponse("createFlow", 202, """{"flowId":"f","submittedAt":"2026-12-01T10:00:00Z","name":"a.xml","flowSyntax":"CII"}"""));
    }
}
