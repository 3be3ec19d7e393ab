using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Invoicing.Storage.Tests.Conformance;

namespace Invoicing.Storage.Tests.Sqlite;

/// <summary>The conformance suite against the SQLite store, each test on a fresh database file.</summary>
public sealed class SqliteStoreConformanceTests : DatabaseStoreConformanceTests
{
    private readonly List<SqliteTestDatabase> _databases = [];

    protected override Task<IInvoiceStore> CreateStoreAsync()
    {
        var database = new SqliteTestDatabase();
        _databases.Add(database);
        return Task.FromResult(SqliteInvoiceStores.Open(database.ConnectionString));
    }

    protected override IReminderJournal JournalOf(IInvoiceStore store) => SqliteInvoiceStores.OpenReminderJournal(store);

    protected override IDunningSettingsStore SettingsOf(IInvoiceStore store) => SqliteInvoiceStores.OpenDunningSettingsStore(store);

    protected override Task<IInvoiceStore> CreateUnreachableStoreAsync()
    {
        var database = new SqliteTestDatabase();
        _databases.Add(database);
        return Task.FromResult(SqliteInvoiceStores.Open($"Data Source={Path.Combine(database.Folder, "missing-folder", "invoices.db")}"));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }
}
