using WireMock.Logging;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Invoicing.Crm.Connectors.Tests.Support;

/// <summary>A WireMock server answering with the CRMs' documented JSON, kept in <c>Fixtures/</c>, and its request log.</summary>
public sealed class FakeCrm : IDisposable
{
    /// <summary>The priority of a default answer; a test's own answer for the same request takes <see cref="Override"/>.</summary>
    public const int Default = 10;

    public const int Override = 1;

    public WireMockServer Server { get; } = WireMockServer.Start();

    public string Url => Server.Url!;

    /// <summary>A fixture's JSON, with <c>{{baseUrl}}</c> (the instance or API domain a token response names) set to this server.</summary>
    public string Fixture(string connector, string name)
        => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", connector, name)).Replace("{{baseUrl}}", Url, StringComparison.Ordinal);

    public static IResponseBuilder Json(string body, int status = 200)
        => Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    /// <summary>The requests received, in order of arrival.</summary>
    public IReadOnlyList<ILogEntry> Log => Server.LogEntries.OrderBy(entry => entry.RequestMessage.DateTime).ToList();

    public void Dispose() => Server.Stop();
}
