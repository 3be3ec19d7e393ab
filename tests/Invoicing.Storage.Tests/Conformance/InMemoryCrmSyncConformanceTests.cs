using Invoicing.Core;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>The CRM sync ledger suite against the in-memory stores.</summary>
public sealed class InMemoryCrmSyncConformanceTests : CrmSyncConformanceTests
{
    private (IInvoiceStore, ICrmSyncStore)? _pair;

    protected override Task<(IInvoiceStore Invoices, ICrmSyncStore Ledger)> CreateAsync()
    {
        var invoices = InvoiceStores.CreateInMemory();
        _pair = (invoices, CrmSyncStores.CreateInMemory(invoices));
        return Task.FromResult(_pair.Value);
    }

    /// <summary>In memory, another instance is the same objects: there is no other process to share them with.</summary>
    protected override Task<(IInvoiceStore Invoices, ICrmSyncStore Ledger)> OpenAgainAsync() => Task.FromResult(_pair!.Value);

    [Fact]
    public void CreateInMemory_DatabaseInvoiceStore_RefusedSayingWhy()
    {
        using var database = new Sqlite.SqliteTestDatabase();

        var error = Assert.Throws<ArgumentException>(() => CrmSyncStores.CreateInMemory(Invoicing.Storage.Sqlite.SqliteInvoiceStores.Open(database.ConnectionString)));

        Assert.Contains("in-memory invoice store", error.Message, StringComparison.Ordinal);
    }
}
