using System.Net;
using System.Net.Sockets;
using Invoicing.Storage.PostgreSql;
using Npgsql;

namespace Invoicing.Storage.Tests.PostgreSql;

/// <summary>
/// The test PostgreSQL server, named by INVOICING_TEST_POSTGRES (eng/test-services.sh starts a throwaway cluster and sets it).
/// Every store a test makes lives in its own schema, dropped afterwards. Tests fail, never skip, without a server.
/// </summary>
internal static class PostgresTestDatabase
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

    public static PostgreSqlStoreOptions Options(string schema) => new(ConnectionString, schema);

    public static PostgreSqlInvoiceStore CreateStore(string schema) => new(Options(schema));

    /// <summary>A connection string on which nothing listens: a port just released on loopback.</summary>
    public static string UnreachableConnectionString()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=invoicing_test;Timeout=3;Pooling=false";
    }

    public static async Task<NpgsqlConnection> OpenAsync(string? schema = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false };
        if (schema is not null)
        {
            builder.SearchPath = schema;
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (NpgsqlException exception)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException($"The test PostgreSQL server named by {Variable} cannot be reached: {exception.Message}", exception);
        }

        return connection;
    }

    public static async Task<int> ExecuteAsync(string schema, string sql)
    {
        await using var connection = await OpenAsync(schema);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<object?> ScalarAsync(string schema, string sql)
    {
        await using var connection = await OpenAsync(schema);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public static Task DropSchemaAsync(string schema) => ExecuteAsync(schema, $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
}
