using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using Invoicing.Storage.Sqlite;
using Invoicing.Storage.Tests.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using static Invoicing.Storage.Tests.RecurringStoreFixtures;

namespace Invoicing.Storage.Tests.Sqlite;

/// <summary>UseSqlite and UsePostgreSql register the schedule store beside the invoice store, whichever order the modules come in.</summary>
public sealed class SqliteRecurringRegistrationTests
{
    [Fact]
    public async Task UseSqlite_AfterAddRecurringInvoices_SchedulesInTheStoresFile()
    {
        using var database = new SqliteTestDatabase();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(T0));
        services.AddInvoicing().AddRecurringInvoices().UseSqlite(database.ConnectionString);
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<IRecurringScheduleStore>().SaveAsync(Schedule());
            Assert.Equal(1, (await provider.GetRequiredService<RecurringRunner>().RunOnceAsync()).Issued);
        }

        await using var reopened = (IAsyncDisposable)SqliteInvoiceStores.Open(database.ConnectionString);
        var rows = await SqliteInvoiceStores.OpenRecurringScheduleStore((IInvoiceStore)reopened).ListOccurrencesAsync("sub-1");
        Assert.Equal("F2026-00001", Assert.Single(rows).InvoiceNumber);
    }

    [Fact]
    public async Task UsePostgreSql_Resolved_SchedulesInTheSchema()
    {
        var schema = PostgresTestDatabase.NewSchema();
        try
        {
            var services = new ServiceCollection();
            services.AddSingleton<IClock>(new FakeClock(T0));
            services.AddInvoicing().UsePostgreSql(PostgresTestDatabase.ConnectionString, schema).AddRecurringInvoices();
            await using var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<IRecurringScheduleStore>().SaveAsync(Schedule());

            Assert.Equal(1, (await provider.GetRequiredService<RecurringRunner>().RunOnceAsync()).Issued);
            Assert.Equal(1L, await PostgresTestDatabase.ScalarAsync(schema, "SELECT count(*) FROM recurring_occurrences WHERE state = 'Issued'"));
        }
        finally
        {
            await PostgresTestDatabase.DropSchemaAsync(schema);
        }
    }

    [Fact]
    public void OpenRecurringScheduleStore_NotASqliteStore_RefusedNamingTheArgument()
    {
        var error = Assert.Throws<ArgumentException>(() => SqliteInvoiceStores.OpenRecurringScheduleStore(InvoiceStores.CreateInMemory()));

        Assert.Equal("store", error.ParamName);
    }
}
