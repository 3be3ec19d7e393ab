using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Invoicing.Storage.Tests.Conformance;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Invoicing.Storage.Tests.Sqlite;

/// <summary>The outgoing flow suite against SQLite, on a fresh file per test, and the record surviving a reopen.</summary>
public sealed class SqliteOutgoingFlowTests : OutgoingFlowConformanceTests
{
    private readonly SqliteTestDatabase _database = new();
    private IInvoiceStore? _store;

    protected override Task<IOutgoingFlowStore> CreateFlowStoreAsync()
    {
        _store = SqliteInvoiceStores.Open(_database.ConnectionString);
        return Task.FromResult(SqliteInvoiceStores.OpenOutgoingFlowStore(_store));
    }

    public override async Task DisposeAsync()
    {
        if (_store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        _database.Dispose();
    }

    [Fact]
    public async Task TryClaimAsync_TwoStoresOnOneFile_OneOwnerPerInvoice()
    {
        var other = SqliteInvoiceStores.Open(_database.ConnectionString);
        var stores = new[] { SqliteInvoiceStores.OpenOutgoingFlowStore(_store!), SqliteInvoiceStores.OpenOutgoingFlowStore(other) };
        var now = Instant.FromUtc(2026, 12, 15, 8, 0);

        var owned = await Task.WhenAll(Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            var count = 0;
            for (var i = 1; i <= 20; i++)
            {
                var request = new OutgoingFlowClaimRequest($"F2026-{i:00000}", "pa", $"inv-F2026-{i:00000}", $"w{worker}", now, now + Duration.FromMinutes(5));
                count += (await stores[worker % 2].TryClaimAsync(request)).IsOwned ? 1 : 0;
            }

            return count;
        })));
        await ((IAsyncDisposable)other).DisposeAsync();

        Assert.Equal(20, owned.Sum());
    }

    [Fact]
    public async Task UseSqlite_Resolved_FlowsInTheStoreFile()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UseSqlite(_database.ConnectionString);
        await using var provider = services.BuildServiceProvider();
        var now = Instant.FromUtc(2026, 12, 15, 8, 0);

        await provider.GetRequiredService<IOutgoingFlowStore>().TryClaimAsync(new OutgoingFlowClaimRequest("F2026-00001", "pa", "inv-F2026-00001", "w", now, now + Duration.FromMinutes(5)));

        var reopened = SqliteInvoiceStores.Open(_database.ConnectionString);
        var flow = await SqliteInvoiceStores.OpenOutgoingFlowStore(reopened).GetAsync("F2026-00001", "pa");
        await ((IAsyncDisposable)reopened).DisposeAsync();
        Assert.Equal(OutgoingFlowState.Sending, flow!.State);
    }
}
