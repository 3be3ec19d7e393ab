using Invoicing.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Storage.Tests.InMemory;

public sealed class InMemoryStoreRegistrationTests
{
    [Fact]
    public async Task UseInMemoryStore_Resolved_OneWorkingStorePerProvider()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UseInMemoryStore();
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IInvoiceStore>();
        var issued = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        Assert.Same(store, provider.GetRequiredService<IInvoiceStore>());
        Assert.Equal("F2026-00001", issued.Number);
    }
}
