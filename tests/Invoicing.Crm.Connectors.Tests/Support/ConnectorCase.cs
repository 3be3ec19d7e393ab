using Invoicing.Crm.Http;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using WireMock.Logging;
using WireMock.RequestBuilders;

namespace Invoicing.Crm.Connectors.Tests.Support;

/// <summary>
/// What a behaviour test needs to know of one connector: how to register it against the fake, the fixtures that answer
/// a whole read, and which request is the first page of deals (the one a test makes fail).
/// </summary>
public abstract class ConnectorCase
{
    public const string ClientId = "client-id";

    public const string ClientSecret = "client-secret";

    public const string RefreshToken = "refresh-token";

    public static IEnumerable<object[]> All => [[new HubSpotCase()], [new SalesforceCase()], [new ZohoCase()]];

    /// <summary>The source's name.</summary>
    public abstract string Name { get; }

    /// <summary>The folder of its fixtures.</summary>
    public abstract string Folder { get; }

    /// <summary>The token endpoint's path on the fake.</summary>
    public abstract string TokenPath { get; }

    /// <summary>The deals the fixtures hold (over three pages), and the latest modification among them.</summary>
    public int DealCount => 6;

    public abstract Instant LatestDealModified { get; }

    /// <summary>The <c>Authorization</c> header for a token.</summary>
    public virtual string Authorization(string token) => "Bearer " + token;

    /// <summary>Registers the connector against the fake, with short retry delays.</summary>
    public ServiceProvider Build(FakeCrm crm, string? accessToken = "fresh-token", bool withRefresh = true)
    {
        var services = new ServiceCollection();
        Register(services, crm.Url, options =>
        {
            options.AccessToken = accessToken;
            if (withRefresh)
            {
                options.RefreshToken = RefreshToken;
                options.ClientId = ClientId;
                options.ClientSecret = ClientSecret;
            }

            options.TokenEndpoint = new Uri(crm.Url + TokenPath);
            options.RetryDelay = TimeSpan.FromMilliseconds(10);
            options.MaxRetries = 3;
            options.AttemptTimeout = TimeSpan.FromSeconds(10);
            options.TotalTimeout = TimeSpan.FromSeconds(60);
        });
        return services.BuildServiceProvider();
    }

    public static ICrmSource Source(ServiceProvider provider) => provider.GetServices<ICrmSource>().Single();

    /// <summary>Answers every request of a full read of customers and deals.</summary>
    public abstract void StubAll(FakeCrm crm);

    /// <summary>The request for the first page of deals.</summary>
    public abstract IRequestBuilder FirstDealsPage();

    /// <summary>The fixture answering it.</summary>
    public abstract string FirstDealsPageBody(FakeCrm crm);

    /// <summary>Whether a logged request asks for a page of deals.</summary>
    public abstract bool IsDealsPage(ILogEntry entry);

    /// <summary>Asserts a page request asks only for deals modified at or after <paramref name="since"/>.</summary>
    public abstract void AssertAsksModifiedSince(ILogEntry entry, Instant since);

    /// <summary>Asserts a page request asks for every deal, modified whenever.</summary>
    public abstract void AssertAsksAll(ILogEntry entry);

    public override string ToString() => Name;

    protected abstract void Register(IServiceCollection services, string baseUrl, Action<CrmConnectorOptions> common);

    protected void StubToken(FakeCrm crm)
        => crm.Server.Given(Request.Create().WithPath(TokenPath).UsingPost()).AtPriority(FakeCrm.Default)
            .RespondWith(FakeCrm.Json(crm.Fixture(Folder, "token.json")));
}
