using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Invoicing.Storage.Tests.Sqlite;

public sealed class SqliteMigrationTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task MigrateAsync_Twice_SecondRunAppliesNothing()
    {
        await using var store = (IAsyncDisposable)SqliteInvoiceStores.Open(_database.ConnectionString);

        var first = await SqliteInvoiceStores.MigrateAsync((IInvoiceStore)store);
        var second = await SqliteInvoiceStores.MigrateAsync((IInvoiceStore)store);

        Assert.Equal(Enumerable.Range(1, SqliteInvoiceStores.SchemaVersion), first);
        Assert.Empty(second);
        Assert.Equal(SqliteInvoiceStores.SchemaVersion, Count("SELECT count(*) FROM schema_version"));
        Assert.Equal("wal", Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task MigrateAsync_EightStoresAtOnce_EachVersionAppliedOnce()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => SqliteInvoiceStores.Open(_database.ConnectionString)).ToList();

        var applied = await Task.WhenAll(stores.Select(store => Task.Run(() => SqliteInvoiceStores.MigrateAsync(store))));

        Assert.Equal(Enumerable.Range(1, SqliteInvoiceStores.SchemaVersion), applied.SelectMany(a => a).Order());
        Assert.Equal(SqliteInvoiceStores.SchemaVersion, Count("SELECT count(*) FROM schema_version"));
        foreach (var store in stores)
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }
    }

    [Fact]
    public async Task IssueAsync_TwoStoresOnOneFile_NumbersWithoutGapOrDuplicate()
    {
        var first = SqliteInvoiceStores.Open(_database.ConnectionString);
        var second = SqliteInvoiceStores.Open(_database.ConnectionString);

        var numbers = await Task.WhenAll(new[] { first, second }.SelectMany(store => Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var i = 0; i < 100; i++)
            {
                mine.Add((await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()))).Sequence);
            }

            return mine;
        }))));

        Assert.Equal(Enumerable.Range(1, 800).Select(i => (long)i), numbers.SelectMany(n => n).Order());
        Assert.True((await first.VerifyArchiveAsync()).IsIntact);
        await ((IAsyncDisposable)first).DisposeAsync();
        await ((IAsyncDisposable)second).DisposeAsync();
    }

    [Fact]
    public async Task Open_AfterRestart_KeepsEverythingAndContinuesTheNumbering()
    {
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        await store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, 49.96m));
        var draftId = await store.SaveDraftAsync(StoreFixtures.Draft(price: 7m));
        var before = await ToListAsync(store.QueryAsync(InvoiceQuery.All));
        await ((IAsyncDisposable)store).DisposeAsync();

        var reopened = SqliteInvoiceStores.Open(_database.ConnectionString);
        var after = await ToListAsync(reopened.QueryAsync(InvoiceQuery.All));
        var next = await reopened.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        Assert.Equal(before, after);
        Assert.Equal(StoreFixtures.Draft(price: 7m), await reopened.GetDraftAsync(draftId));
        Assert.Equal("F2026-00002", next.Number);
        Assert.Equal(invoice.Hash, next.PreviousHash);
        await ((IAsyncDisposable)reopened).DisposeAsync();
    }

    [Fact]
    public async Task Open_DatabaseFromANewerVersion_InvoiceStoreExceptionAndNothingChanged()
    {
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);
        await SqliteInvoiceStores.MigrateAsync(store);
        await ((IAsyncDisposable)store).DisposeAsync();
        Execute("INSERT INTO schema_version (version, script, applied_at) VALUES (999, '0999_future.sql', '2030-01-01T00:00:00Z')");

        var newer = SqliteInvoiceStores.Open(_database.ConnectionString);
        var error = await Assert.ThrowsAsync<InvoiceStoreException>(() => newer.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft())));
        await ((IAsyncDisposable)newer).DisposeAsync();

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Count("SELECT count(*) FROM issued_documents"));
    }

    [Fact]
    public async Task Open_FileThatIsNotADatabase_InvoiceStoreExceptionAndFileUntouched()
    {
        var content = new string('x', 8192);
        await File.WriteAllTextAsync(_database.Path, content);
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);

        var error = await Assert.ThrowsAsync<InvoiceStoreException>(() => store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft())));
        await ((IAsyncDisposable)store).DisposeAsync();

        Assert.Equal("IssueAsync", error.Operation);
        Assert.IsType<SqliteException>(error.InnerException);
        Assert.Equal(content, await File.ReadAllTextAsync(_database.Path));
    }

    [Fact]
    public async Task Open_DatabaseAtVersion2_UpgradedToTheLatestKeepingItsData()
    {
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        await ((IAsyncDisposable)store).DisposeAsync();
        // Bring the file back to what version 2 of the package left: no settings tables (3), no archive seal tables (4),
        // no event outbox nor write-off column (5), no recurring tables (6), no CRM sync ledger, outgoing flows nor received
        // documents (7, 8, 9), schema_version at 2.
        Execute("DROP TABLE dunning_customers; DROP TABLE dunning_invoices; DROP TABLE archive_seals; DROP TABLE archive_checkpoint; DROP TRIGGER issued_documents_hash_format; DROP TABLE invoice_events; DROP TABLE invoice_event_cursors; ALTER TABLE accounts DROP COLUMN write_off_json; DROP TABLE recurring_occurrences; DROP TABLE recurring_schedules; DROP TABLE crm_sync_records; DROP TABLE crm_sync_cursors; DROP TABLE outgoing_flows; DROP TABLE received_documents; DELETE FROM schema_version WHERE version > 2");

        var upgraded = SqliteInvoiceStores.Open(_database.ConnectionString);
        var applied = await SqliteInvoiceStores.MigrateAsync(upgraded);
        var settings = SqliteInvoiceStores.OpenDunningSettingsStore(upgraded);
        await settings.SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = "987654324", OptedOut = true });
        var next = await upgraded.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var verification = await upgraded.VerifyArchiveAsync();
        var customer = await settings.GetCustomerAsync("987654324");
        await ((IAsyncDisposable)upgraded).DisposeAsync();

        Assert.Equal(Enumerable.Range(3, SqliteInvoiceStores.SchemaVersion - 2), applied);
        Assert.Equal(invoice, await ReadIssuedAsync(invoice.Number));
        Assert.Equal(invoice.Hash, next.PreviousHash);
        Assert.True(verification.IsIntact);
        Assert.True(customer!.OptedOut);
    }

    [Fact]
    public async Task Migrate_PlatformStatusKindOnAnOutboxWithEvents_KeepsEveryEventAndNeverReusesAPosition()
    {
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var before = await SqliteInvoiceStores.OpenEventStore(store).ReadEventsAsync(0, 10);
        await ((IAsyncDisposable)store).DisposeAsync();
        // Back to version 8 with the last event gone: migration 9 moves the outbox to a table that allows the new kind.
        Execute($"DROP TABLE received_documents; DELETE FROM schema_version WHERE version >= 9; DELETE FROM invoice_events WHERE position = {before[^1].Position}");

        var upgraded = SqliteInvoiceStores.Open(_database.ConnectionString);
        await SqliteInvoiceStores.MigrateAsync(upgraded);
        var events = SqliteInvoiceStores.OpenEventStore(upgraded);
        var kept = await events.ReadEventsAsync(0, 10);
        var third = await upgraded.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var status = await events.RecordPlatformStatusAsync(third.Number, new PlatformStatusNotice { Id = Guid.NewGuid(), ReportedAt = third.IssuedAt, Code = "205" });
        var after = await events.ReadEventsAsync(0, 10);
        await ((IAsyncDisposable)upgraded).DisposeAsync();

        Assert.Equal(before.Take(1), kept, Conformance.EventComparer.Instance);
        Assert.True(after[1].Position > before[^1].Position);
        Assert.Equal(InvoiceEventKind.PlatformStatus, after[^1].Kind);
        Assert.Equal(status!.Position, after[^1].Position);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mode=Memory")]
    [InlineData("Data Source=x.db;Unknown Keyword=1")]
    public void Open_BadConnectionString_ArgumentException(string connectionString)
    {
        Assert.ThrowsAny<ArgumentException>(() => SqliteInvoiceStores.Open(connectionString));
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source= :memory: ")]
    [InlineData("Data Source=invoices;Mode=Memory;Cache=Shared")]
    [InlineData("Data Source=file::memory:?cache=shared")]
    [InlineData("Data Source=file:invoices.db?mode=memory")]
    public void Open_InMemoryDatabase_RefusedNamingTheInMemoryStore(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => SqliteInvoiceStores.Open(connectionString));

        Assert.Contains("in-memory SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseInMemoryStore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NegativeBusyTimeout_ArgumentOutOfRangeException()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SqliteInvoiceStores.Open(_database.ConnectionString, new SqliteStoreOptions { BusyTimeout = TimeSpan.FromSeconds(-1) }));

        Assert.Equal("BusyTimeout", error.ParamName);
    }

    private async Task<IssuedInvoice?> ReadIssuedAsync(string number)
    {
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);
        try
        {
            return await store.GetAsync(number);
        }
        finally
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }
    }

    private long Count(string sql) => Convert.ToInt64(Scalar(sql), System.Globalization.CultureInfo.InvariantCulture);

    private object? Scalar(string sql)
    {
        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
