using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Invoicing.Storage.Tests.Conformance;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Invoicing.Storage.Tests.Sqlite;

/// <summary>The dunning settings suite against the SQLite settings store, on a fresh file per test, and what SQLite adds.</summary>
public sealed class SqliteDunningSettingsTests : DunningSettingsConformanceTests
{
    private readonly SqliteTestDatabase _database = new();
    private IInvoiceStore? _store;

    protected override Task<IDunningSettingsStore> CreateSettingsStoreAsync()
    {
        _store = SqliteInvoiceStores.Open(_database.ConnectionString);
        return Task.FromResult(SqliteInvoiceStores.OpenDunningSettingsStore(_store));
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
    public async Task GetCustomerAsync_AfterReopeningTheFile_SettingsKept()
    {
        var settings = SqliteInvoiceStores.OpenDunningSettingsStore(_store!);
        var customer = new DunningCustomerSettings { CustomerKey = "987654324", OptedOut = true, Language = "fr", PolicyId = "b2b" };
        var invoice = new DunningInvoiceSettings { InvoiceNumber = "F2026-00001", PausedUntil = new LocalDate(2027, 3, 1) };
        await settings.SaveCustomerAsync(customer);
        await settings.SaveInvoiceAsync(invoice);
        await ((IAsyncDisposable)_store!).DisposeAsync();

        _store = SqliteInvoiceStores.Open(_database.ConnectionString);
        var reopened = SqliteInvoiceStores.OpenDunningSettingsStore(_store);

        Assert.Equal(customer, await reopened.GetCustomerAsync("987654324"));
        Assert.Equal(invoice, await reopened.GetInvoiceAsync("F2026-00001"));
    }

    [Fact]
    public async Task SaveInvoiceAsync_StoredAsIsoDateText_SortsAsADate()
    {
        var settings = SqliteInvoiceStores.OpenDunningSettingsStore(_store!);
        await settings.SaveInvoiceAsync(new DunningInvoiceSettings { InvoiceNumber = "F2026-00001", Disputed = true, PausedUntil = new LocalDate(2027, 1, 5) });

        using var raw = _database.OpenRaw();
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT disputed, paused_until FROM dunning_invoices WHERE invoice_number = 'F2026-00001'";
        using var reader = command.ExecuteReader();

        Assert.True(reader.Read());
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.Equal("2027-01-05", reader.GetString(1));
    }

    [Fact]
    public async Task GetInvoiceAsync_PauseDateCorruptedInTheFile_InvoiceStoreExceptionNamingOperationAndColumn()
    {
        var settings = SqliteInvoiceStores.OpenDunningSettingsStore(_store!);
        await settings.SaveInvoiceAsync(new DunningInvoiceSettings { InvoiceNumber = "F2026-00001", PausedUntil = new LocalDate(2027, 1, 5) });
        using (var raw = _database.OpenRaw())
        {
            using var command = raw.CreateCommand();
            command.CommandText = "UPDATE dunning_invoices SET paused_until = '5 janvier' WHERE invoice_number = 'F2026-00001'";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<InvoiceStoreException>(() => settings.GetInvoiceAsync("F2026-00001"));

        Assert.Equal("GetInvoiceAsync", error.Operation);
        Assert.Contains("paused_until", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_FileUnreachable_InvoiceStoreExceptionNamingTheOperation()
    {
        var unreachable = SqliteInvoiceStores.Open($"Data Source={Path.Combine(_database.Folder, "missing-folder", "invoices.db")}");
        var settings = SqliteInvoiceStores.OpenDunningSettingsStore(unreachable);
        try
        {
            var save = await Assert.ThrowsAsync<InvoiceStoreException>(() => settings.SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = "1" }));
            var get = await Assert.ThrowsAsync<InvoiceStoreException>(() => settings.GetInvoiceAsync("F2026-00001"));

            Assert.Equal("SaveCustomerAsync", save.Operation);
            Assert.Equal("GetInvoiceAsync", get.Operation);
        }
        finally
        {
            await ((IAsyncDisposable)unreachable).DisposeAsync();
        }
    }

    [Fact]
    public async Task Settings_StoreDisposed_ObjectDisposedException()
    {
        var settings = SqliteInvoiceStores.OpenDunningSettingsStore(_store!);
        await ((IAsyncDisposable)_store!).DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => settings.SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = "1" }));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => settings.GetCustomerAsync("1"));
    }

    [Fact]
    public void OpenDunningSettingsStore_NotASqliteStore_ArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => SqliteInvoiceStores.OpenDunningSettingsStore(InvoiceStores.CreateInMemory()));

        Assert.Equal("store", error.ParamName);
    }

    [Fact]
    public async Task UseSqlite_Resolved_SettingsInTheStoresFile()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UseSqlite(_database.ConnectionString);
        await using (var provider = services.BuildServiceProvider())
        {
            var settings = provider.GetRequiredService<IDunningSettingsStore>();
            await settings.SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = "987654324", OptedOut = true });
            Assert.IsType<SqliteDunningSettingsStore>(settings);
        }

        var fromFile = await SqliteInvoiceStores.OpenDunningSettingsStore(_store!).GetCustomerAsync("987654324");

        Assert.True(fromFile!.OptedOut);
    }
}
