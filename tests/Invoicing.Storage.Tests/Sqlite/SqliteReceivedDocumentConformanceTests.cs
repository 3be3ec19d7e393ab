using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Invoicing.Storage.Tests.Conformance;

namespace Invoicing.Storage.Tests.Sqlite;

/// <summary>The received-document suite against SQLite, on a fresh file per test; a second store on the file is another process.</summary>
public sealed class SqliteReceivedDocumentConformanceTests : ReceivedDocumentConformanceTests
{
    private readonly SqliteTestDatabase _database = new();
    private readonly List<IInvoiceStore> _stores = [];

    protected override Task<IReceivedDocumentStore> CreateAsync() => OpenAgainAsync();

    protected override Task<IReceivedDocumentStore> OpenAgainAsync()
    {
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);
        _stores.Add(store);
        return Task.FromResult(SqliteInvoiceStores.OpenReceivedDocumentStore(store));
    }

    public override async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }

        _database.Dispose();
    }

    [Fact]
    public void OpenReceivedDocumentStore_NotASqliteStore_RefusedSayingWhy()
    {
        var error = Assert.Throws<ArgumentException>(() => SqliteInvoiceStores.OpenReceivedDocumentStore(InvoiceStores.CreateInMemory()));

        Assert.Contains("not a SQLite store", error.Message, StringComparison.Ordinal);
    }
}
