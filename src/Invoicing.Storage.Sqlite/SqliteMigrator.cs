using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Invoicing.Storage.Sqlite;

/// <summary>
/// Applies the versioned SQL scripts embedded in this assembly (<c>Migrations/NNNN_name.sql</c>) in order, each once.
/// The whole run is one <c>BEGIN IMMEDIATE</c> transaction: a second process starting at the same moment waits for
/// the lock, then finds the versions applied and does nothing; a failed script leaves the schema as it was.
/// </summary>
internal static class SqliteMigrator
{
    private const string Prefix = "migrations/";

    /// <summary>The scripts shipped, by version.</summary>
    public static IReadOnlyList<(int Version, string Name)> Scripts { get; } = typeof(SqliteMigrator).Assembly
        .GetManifestResourceNames()
        .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
        .Select(name => (Version: int.Parse(name.AsSpan(Prefix.Length, 4), NumberStyles.None, CultureInfo.InvariantCulture), Name: name))
        .OrderBy(script => script.Version)
        .ToArray();

    /// <summary>The schema version this assembly brings a database to.</summary>
    public static int LatestVersion => Scripts.Count == 0 ? 0 : Scripts[^1].Version;

    /// <summary>Brings the database to <see cref="LatestVersion"/>; returns the versions applied by this call.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var applied = new List<int>();
        var transaction = connection.BeginTransaction(deferred: false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);
        var current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The database is at schema version {current}, newer than this version of the store knows ({LatestVersion}): upgrade Invoicing.Storage.Sqlite."));
        }

        foreach (var (version, name) in Scripts.Where(script => script.Version > current))
        {
            await ExecuteAsync(connection, transaction, ReadScript(name), cancellationToken).ConfigureAwait(false);
            if (name.EndsWith(SqliteArchiveCheckpoint.ScriptSuffix, StringComparison.Ordinal))
            {
                // The documents hashed in format 1 are sealed by code (SQLite has no SHA-256), in the same transaction.
                await SqliteArchiveCheckpoint.SealAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            }

            var record = connection.CreateCommand();
            await using var recordScope = record.ConfigureAwait(false);
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, script, applied_at) VALUES ($version, $script, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";
            record.Parameters.AddWithValue("$version", version);
            record.Parameters.AddWithValue("$script", name[Prefix.Length..]);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            applied.Add(version);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    /// <summary>The version recorded in the database; 0 when it has no schema_version table.</summary>
    public static async Task<int> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        var exists = connection.CreateCommand();
        await using var existsScope = exists.ConfigureAwait(false);
        exists.Transaction = transaction;
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ReadScript(string name)
    {
        using var stream = typeof(SqliteMigrator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The migration script '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
