using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Invoicing.Storage.Tests.Conformance;

namespace Invoicing.Storage.Tests.Sqlite;

/// <summary>The recurring schedule suite against SQLite, on a fresh file per test; a second store on the file is another process.</summary>
public sealed class SqliteRecurringScheduleConformanceTests : RecurringScheduleConformanceTests
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<(IInvoiceStore Invoices, IRecurringScheduleStore Schedules)> CreateAsync() => OpenAgainCoreAsync();

    protected override Task<(IInvoiceStore Invoices, IRecurringScheduleStore Schedules)> OpenAgainAsync() => OpenAgainCoreAsync(own: true);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }

    private Task<(IInvoiceStore Invoices, IRecurringScheduleStore Schedules)> OpenAgainCoreAsync(bool own = false)
    {
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);
        if (own)
        {
            Own(store);
        }

        return Task.FromResult((store, SqliteInvoiceStores.OpenRecurringScheduleStore(store)));
    }
}
