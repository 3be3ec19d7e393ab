using Invoicing.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Crm.Tests.Sync;

public sealed class CrmInvoicingBuilderExtensionsTests
{
    [Fact]
    public async Task AddCrmSync_InMemoryStore_SyncResolvesAndDraftsIntoTheRegisteredStore()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UseInMemoryStore().AddCrmSync(CrmFixtures.Template);
        await using var provider = services.BuildServiceProvider();
        var crm = new FakeCrmSource();
        crm.Put(CrmFixtures.Customer());
        crm.Put(CrmFixtures.Deal());

        var report = await provider.GetRequiredService<CrmSync>().RunAsync(crm);

        Assert.Equal(1, report.Created);
        Assert.NotNull(await provider.GetRequiredService<IInvoiceStore>().GetDraftAsync(CrmSyncRules.DraftIdOf("fake", "D1")));
    }
}
