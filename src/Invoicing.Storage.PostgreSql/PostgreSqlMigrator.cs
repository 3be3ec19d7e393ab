using System.Globalization;
using System.Reflection;
using Invoicing.Core;
using Npgsql;

namespace Invoicing.Storage.PostgreSql;

/// <summary>Applies the embedded, numbered SQL migrations (<c>Migrations/NNNN_name.sql</c>) in order.</summary>
internal static class PostgreSqlMigrator
{
    private const string ResourcePrefix = "Invoicing.Storage.PostgreSql.Migrations.";

    /// <summary>The migrations shipped in this assembly, by version.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = Load();

    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionScope = connection.ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);

            // One migrator per schema at a time, across processes; released with the transaction.
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('Invoicing.Storage.PostgreSql:' || @schema))", cancellationToken, ("schema", schema)).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS \"{schema}\"", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(
                connection,
                transaction,
                $"CREATE TABLE IF NOT EXISTS \"{schema}\".schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken).ConfigureAwait(false);

            var applied = new HashSet<int>();
            var command = new NpgsqlCommand($"SELECT version FROM \"{schema}\".schema_migrations", connection, transaction);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using var readerScope = reader.ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            var newest = applied.Count == 0 ? 0 : applied.Max();
            if (newest > Migrations.Count)
            {
                throw new InvoiceStoreException(
                    "Migrate",
                    string.Create(CultureInfo.InvariantCulture, $"the schema '{schema}' is at version {newest}, newer than this package's {Migrations.Count}; upgrade the package."));
            }

            var done = new List<int>();
            foreach (var (version, name, sql) in Migrations)
            {
                if (applied.Contains(version))
                {
                    continue;
                }

                await ExecuteAsync(connection, transaction, $"SET LOCAL search_path TO \"{schema}\"", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
                if (name.EndsWith(PostgreSqlArchiveCheckpoint.MigrationSuffix, StringComparison.Ordinal))
                {
                    // The documents hashed in format 1 are sealed by the same code as every store's, in the same transaction.
                    await PostgreSqlArchiveCheckpoint.SealAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                }

                await ExecuteAsync(
                    connection,
                    transaction,
                    $"INSERT INTO \"{schema}\".schema_migrations (version, name) VALUES (@version, @name)",
                    cancellationToken,
                    ("version", version),
                    ("name", name)).ConfigureAwait(false);
                done.Add(version);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return done;
        }
        catch (Exception exception) when (PostgreSqlErrors.IsInfrastructure(exception))
        {
            throw PostgreSqlErrors.Wrap("Migrate", exception);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        await using var commandScope = command.ConfigureAwait(false);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<(int Version, string Name, string Sql)> Load()
    {
        var assembly = typeof(PostgreSqlMigrator).Assembly;
        var migrations = new List<(int Version, string Name, string Sql)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[ResourcePrefix.Length..^".sql".Length];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add((version, name, reader.ReadToEnd()));
        }

        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Embedded migrations must be numbered 1, 2, 3... without gaps; found {migrations[i].Name}.");
            }
        }

        return migrations;
    }
}
