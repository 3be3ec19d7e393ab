using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invoicing.Mail.Smtp.Tests.PostgreSql;

/// <summary>
/// The test PostgreSQL server named by INVOICING_TEST_POSTGRES (eng/test-services.sh starts a throwaway cluster and
/// sets it). Each test works in a schema of its own, dropped afterwards. Tests fail, never skip, without a server.
/// </summary>
internal static class PostgresTestServer
{
    public const string Variable = "INVOICING_TEST_POSTGRES";

    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            return string.IsNullOrWhiteSpace(value)
                ? throw new InvalidOperationException($"{Variable} is not set: start the test PostgreSQL cluster with `source eng/test-services.sh && start_test_services` (./build.sh test does it).")
                : value;
        }
    }

    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N");

    /// <summary>A service provider of its own (its own connection pool, as another process would have) over <paramref name="schema"/>.</summary>
    public static ServiceProvider Provider(string schema)
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UsePostgreSql(ConnectionString, schema);
        return services.BuildServiceProvider();
    }

    public static async Task<long> CountAsync(string schema, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, SearchPath = schema }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
