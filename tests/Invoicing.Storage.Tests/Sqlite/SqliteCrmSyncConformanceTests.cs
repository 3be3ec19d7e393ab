using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Invoicing.Storage.Tests.Conformance;

namespace Invoicing.Storage.Tests.Sqlite;

/// <summary>The CRM sync ledger suite against SQLite, on a fresh file per test; a second store on the file is another process.</summary>
public sealed class SqliteCrmSyncConformanceTests : CrmSyncConformanceTests
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<(IInvoiceStore Invoices, ICrmSyncStore Ledger)> CreateAsync() => OpenCoreAsync();

    protected override Task<(IInvoiceStore Invoices, ICrmSyncStore Ledger)> OpenAgainAsync() => OpenCoreAsync(own: true);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }

    private Task<(IInvoiceStore Invoices, ICrmSyncStore Ledger)> OpenCoreAsync(bool own = false)
    {
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);
        if (own)
        {
            Own(store);
        }

        return Task.FromResult((store, SqliteInvoiceStores.OpenCrmSyncStore(store)));
    }
}
