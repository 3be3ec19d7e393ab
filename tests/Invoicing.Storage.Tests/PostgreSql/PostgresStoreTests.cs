using System.Collections.Concurrent;
using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invoicing.Storage.Tests.PostgreSql;

/// <summary>What the PostgreSQL store shows beyond the conformance suite: migrations, several host instances, hostile input, lost connections, indexes.</summary>
public sealed class PostgresStoreTests : IAsyncLifetime
{
    private readonly List<string> _schemas = [];
    private readonly List<IAsyncDisposable> _disposables = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            await disposable.DisposeAsync();
        }

        foreach (var schema in _schemas)
        {
            await PostgresTestDatabase.DropSchemaAsync(schema);
        }
    }

    [Fact]
    public async Task MigrateAsync_RunTwice_SecondRunAppliesNothing()
    {
        var options = PostgresTestDatabase.Options(NewSchema());

        var first = await PostgreSqlSchema.MigrateAsync(options);
        var second = await PostgreSqlSchema.MigrateAsync(options);

        Assert.Equal(Enumerable.Range(1, PostgreSqlSchema.CurrentVersion), first);
        Assert.Empty(second);
        Assert.Equal((long)PostgreSqlSchema.CurrentVersion, await PostgresTestDatabase.ScalarAsync(options.Schema, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task MigrateAsync_EightMigratorsAtOnce_EachMigrationAppliedExactlyOnce()
    {
        var options = PostgresTestDatabase.Options(NewSchema());

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PostgreSqlSchema.MigrateAsync(options))));

        Assert.Equal(Enumerable.Range(1, PostgreSqlSchema.CurrentVersion), runs.SelectMany(r => r).Order());
        Assert.Equal((long)PostgreSqlSchema.CurrentVersion, await PostgresTestDatabase.ScalarAsync(options.Schema, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task MigrateAsync_SchemaNewerThanThePackage_InvoiceStoreException()
    {
        var options = PostgresTestDatabase.Options(NewSchema());
        await PostgreSqlSchema.MigrateAsync(options);
        await PostgresTestDatabase.ExecuteAsync(options.Schema, "INSERT INTO schema_migrations (version, name) VALUES (999, '0999_future')");

        var error = await Assert.ThrowsAsync<InvoiceStoreException>(() => PostgreSqlSchema.MigrateAsync(options));

        Assert.Equal("Migrate", error.Operation);
        Assert.Contains("version 999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueAsync_FourHostInstancesOnOneSchema_NumbersWithoutGapOrDuplicate()
    {
        var schema = NewSchema();
        var stores = Enumerable.Range(0, 4).Select(_ => Track(PostgresTestDatabase.CreateStore(schema))).ToList();
        var numbers = new ConcurrentBag<long>();

        await Task.WhenAll(stores.SelectMany(store => Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                numbers.Add((await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()))).Sequence);
            }
        }))));

        Assert.Equal(Enumerable.Range(1, 800).Select(i => (long)i), numbers.Order());
        var verification = await stores[0].VerifyArchiveAsync();
        Assert.True(verification.IsIntact, verification.Reason);
        Assert.Equal(800, verification.DocumentsChecked);
    }

    [Theory]
    [InlineData("'; DROP TABLE issued; --")]
    [InlineData("F2026-00001' OR '1'='1")]
    [InlineData("F2026-00001\u0000")]
    [InlineData("")]
    public async Task Lookups_HostileNumbersAndCustomers_NothingFoundAndDataAsItWas(string hostile)
    {
        var store = Track(PostgresTestDatabase.CreateStore(NewSchema()));
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var before = await ToListAsync(store.QueryAsync(InvoiceQuery.All));

        // A NUL cannot be sent to PostgreSQL as text: the driver refuses it, which the store reports as a store error.
        if (hostile.Contains('\0', StringComparison.Ordinal))
        {
            var error = await Assert.ThrowsAsync<InvoiceStoreException>(() => store.GetAsync(hostile));
            Assert.Equal("GetAsync", error.Operation);
        }
        else
        {
            Assert.Null(await store.GetAsync(hostile));
            Assert.Null(await store.GetAccountAsync(hostile));
            Assert.Empty(await ToListAsync(store.QueryAsync(new InvoiceQuery { CustomerKey = hostile })));
        }

        Assert.Equal(before, await ToListAsync(store.QueryAsync(InvoiceQuery.All)));
        Assert.True((await store.VerifyArchiveAsync()).IsIntact);
    }

    [Fact]
    public async Task GetAsync_NumberOfAMillionCharacters_NullWithoutHarm()
    {
        var store = Track(PostgresTestDatabase.CreateStore(NewSchema()));

        Assert.Null(await store.GetAsync(new string('9', 1_000_000)));
    }

    [Fact]
    public async Task IssueAsync_ConnectionKilledByTheServer_InvoiceStoreExceptionThenRecovers()
    {
        var application = "kill-" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresTestDatabase.ConnectionString) { ApplicationName = application }.ConnectionString;
        var store = Track(new PostgreSqlInvoiceStore(new PostgreSqlStoreOptions(connectionString, NewSchema())));
        var first = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        await using (var admin = await PostgresTestDatabase.OpenAsync())
        {
            await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @application", admin);
            kill.Parameters.AddWithValue("application", application);
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }

        var error = await Assert.ThrowsAsync<InvoiceStoreException>(() => store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft())));

        Assert.Equal("IssueAsync", error.Operation);
        var all = await ToListAsync(store.QueryAsync(InvoiceQuery.All));
        Assert.Equal([first.Number], all.Select(a => a.Number));
        Assert.Equal("F2026-00002", (await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()))).Number);
        Assert.True((await store.VerifyArchiveAsync()).IsIntact);
    }

    [Fact]
    public async Task IssueAsync_DatabaseMissing_InvoiceStoreExceptionWithTheServerCode()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresTestDatabase.ConnectionString) { Database = "no_such_database_" + Guid.NewGuid().ToString("N")[..8] };
        await using var store = new PostgreSqlInvoiceStore(new PostgreSqlStoreOptions(builder.ConnectionString, "invoicing"));

        var error = await Assert.ThrowsAsync<InvoiceStoreException>(() => store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft())));

        Assert.Equal("IssueAsync", error.Operation);
        Assert.Contains("3D000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("x; DROP SCHEMA public")]
    [InlineData("\"quoted\"")]
    [InlineData("")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Options_SchemaNotAPlainIdentifier_ArgumentExceptionNamingSchema(string schema)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new PostgreSqlStoreOptions(PostgresTestDatabase.ConnectionString, schema));

        Assert.Equal("schema", error.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Host=127.0.0.1;NoSuchKeyword=1")]
    public void Options_BadConnectionString_ArgumentExceptionNamingConnectionString(string connectionString)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new PostgreSqlStoreOptions(connectionString));

        Assert.Equal("connectionString", error.ParamName);
    }

    [Fact]
    public async Task UsePostgreSql_AddInvoicing_ResolvesOneMigratingStore()
    {
        var schema = NewSchema();
        var services = new ServiceCollection();
        services.AddInvoicing().UsePostgreSql(PostgresTestDatabase.ConnectionString, schema);
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IInvoiceStore>();
        var issued = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        Assert.Same(store, provider.GetRequiredService<IInvoiceStore>());
        Assert.IsType<PostgreSqlInvoiceStore>(store);
        Assert.Equal("F2026-00001", issued.Number);
    }

    [Theory]
    [InlineData("SELECT i.number FROM accounts a JOIN issued i ON i.number = a.number WHERE a.is_open AND a.due_date <= DATE '2026-06-30' ORDER BY a.due_date, a.number", "accounts_open_by_due_date")]
    [InlineData("SELECT a.number FROM accounts a WHERE a.customer_key = '987654324' ORDER BY a.due_date, a.number", "accounts_by_customer")]
    public async Task Schema_DunningQueries_UseAnIndex(string sql, string index)
    {
        // A realistic spread: 300 invoices of 10 customers over ten months, nine in ten paid.
        var schema = NewSchema();
        var store = Track(PostgresTestDatabase.CreateStore(schema));
        for (var i = 0; i < 300; i++)
        {
            var customer = (987654324 + (i % 10 * 9)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var issued = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new NodaTime.LocalDate(2026, 1, 1).PlusDays(i), customer: customer)));
            if (i % 10 != 0)
            {
                await store.RecordPaymentAsync(StoreFixtures.Payment(issued.Number, issued.Totals.AmountDue));
            }
        }

        await using var connection = await PostgresTestDatabase.OpenAsync(schema);
        await using (var analyze = new NpgsqlCommand("ANALYZE accounts; SET enable_seqscan = off", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, line => line.Contains(index, StringComparison.Ordinal));
    }

    private string NewSchema()
    {
        var schema = PostgresTestDatabase.NewSchema();
        _schemas.Add(schema);
        return schema;
    }

    private PostgreSqlInvoiceStore Track(PostgreSqlInvoiceStore store)
    {
        _disposables.Add(store);
        return store;
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
