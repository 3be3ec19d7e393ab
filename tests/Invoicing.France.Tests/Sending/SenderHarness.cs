using Invoicing.Core;
using Invoicing.France.Tests.Platform;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Invoicing.France.Tests.Sending;

/// <summary>A host with an in-memory invoice store and flow store, the platform clients and the sender, on a fake clock.</summary>
internal sealed class SenderHarness : IDisposable
{
    public const string Buyer = "732829320";

    public SenderHarness(FakePlatform platform, Action<FrenchPlatformOptions>? adjust = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        services.AddInvoicing().UseInMemoryStore();
        services.AddFrenchPlatform(o =>
        {
            o.PlatformName = "pa-test";
            o.FlowServiceUrl = platform.FlowUrl;
            o.DirectoryServiceUrl = platform.DirectoryUrl;
            o.TokenUrl = platform.TokenUrl;
            o.ClientId = FakePlatform.ClientId;
            o.ClientSecret = FakePlatform.ClientSecret;
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
            adjust?.Invoke(o);
        });
        Provider = services.BuildServiceProvider();
        platform.Lines.Add(new DirectoryLineRow("732829320", Buyer));
    }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 12, 1, 9, 0));

    public ServiceProvider Provider { get; }

    public IFrenchPlatformSender Sender => Provider.GetRequiredService<IFrenchPlatformSender>();

    public IOutgoingFlowStore Flows => Provider.GetRequiredService<IOutgoingFlowStore>();

    public IFlowServiceClient FlowService => Provider.GetRequiredService<IFlowServiceClient>();

    public async Task<string> IssueAsync(string buyer = Buyer) =>
        (await Provider.GetRequiredService<IInvoiceStore>().IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(customer: buyer)))).Number;

    public void Dispose() => Provider.Dispose();
}
