using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Invoicing.France.Tests.Platform;

/// <summary>The package's clients registered the way a host does, against a <see cref="FakePlatform"/>, on a fake clock.</summary>
internal sealed class PlatformClients : IDisposable
{
    public PlatformClients(FakePlatform platform, Action<FrenchPlatformOptions>? adjust = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        services.AddFrenchPlatform(o =>
        {
            o.FlowServiceUrl = platform.FlowUrl;
            o.DirectoryServiceUrl = platform.DirectoryUrl;
            o.TokenUrl = platform.TokenUrl;
            o.ClientId = FakePlatform.ClientId;
            o.ClientSecret = FakePlatform.ClientSecret;
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
            adjust?.Invoke(o);
        });
        Provider = services.BuildServiceProvider();
    }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 12, 1, 9, 0));

    public ServiceProvider Provider { get; }

    public IFlowServiceClient Flows => Provider.GetRequiredService<IFlowServiceClient>();

    public IDirectoryServiceClient Directory => Provider.GetRequiredService<IDirectoryServiceClient>();

    public void Dispose() => Provider.Dispose();
}
