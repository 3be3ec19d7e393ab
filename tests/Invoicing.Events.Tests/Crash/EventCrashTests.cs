using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using Invoicing.Storage.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace Invoicing.Events.Tests.Crash;

/// <summary>The host is killed between changes and their delivery, 15 times per store (see <see cref="EventCrashRounds"/>).</summary>
public sealed class EventCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sqlite_KilledFifteenTimes_EveryEventDeliveredNoneLost()
    {
        var folder = Directory.CreateTempSubdirectory("invoicing-events-sqlite-");
        try
        {
            var path = Path.Combine(folder.FullName, "invoices.db");
            await EventCrashRounds.RunAsync(["sqlite", path], invoicing => invoicing.UseSqlite($"Data Source={path}"), rounds: 15, output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task PostgreSql_KilledFifteenTimes_EveryEventDeliveredNoneLost()
    {
        var connectionString = Environment.GetEnvironmentVariable("INVOICING_TEST_POSTGRES");
        Assert.False(string.IsNullOrWhiteSpace(connectionString), "INVOICING_TEST_POSTGRES is not set: start the test PostgreSQL cluster with `source eng/test-services.sh && start_test_services` (./build.sh test does it).");
        var schema = "t_" + Guid.NewGuid().ToString("N");
        try
        {
            await EventCrashRounds.RunAsync(["postgres", connectionString!, schema], invoicing => invoicing.UsePostgreSql(connectionString!, schema), rounds: 15, output);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
