using System.Globalization;
using Invoicing.Core;
using Microsoft.Data.Sqlite;

namespace Invoicing.Storage.Sqlite;

/// <summary>
/// The checkpoint over the documents hashed in format 1, written once by the migration to hash format 2
/// (<c>Migrations/NNNN_archive_metadata.sql</c>) and read by the archive verification.
/// </summary>
internal static class SqliteArchiveCheckpoint
{
    /// <summary>The migration script after which <see cref="SealAsync"/> runs, by its name (its number may change).</summary>
    public const string ScriptSuffix = "_archive_metadata.sql";

    /// <summary>
    /// Seals the issued documents hashed in format 1 (all of them: the script has just made format 2 the only one
    /// accepted): a seal row each, then the checkpoint. Runs in the migration's transaction; nothing when there is none.
    /// </summary>
    public static async Task SealAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var seal = ArchiveHash.Genesis;
        string? lastHash = null;
        long covered = 0;
        var insert = SqliteInvoiceStore.Command(connection, transaction, "INSERT INTO archive_seals (position, seal) VALUES ($position, $seal)");
        await using var insertScope = insert.ConfigureAwait(false);
        var position = insert.Parameters.Add("$position", SqliteType.Integer);
        var sealParameter = insert.Parameters.Add("$seal", SqliteType.Text);
        var rows = SqliteInvoiceStore.Command(connection, transaction, "SELECT position, counter_key, document_json FROM issued_documents ORDER BY position");
        await using var rowsScope = rows.ConfigureAwait(false);
        var reader = await rows.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var issued = InvoiceJson.DeserializeIssued(reader.GetString(2));
                if (issued.HashFormat != ArchiveHash.FormatDocument)
                {
                    break;
                }

                seal = ArchiveCheckpoint.NextSeal(seal, issued, reader.GetString(1));
                position.Value = reader.GetInt64(0);
                sealParameter.Value = seal;
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                lastHash = issued.Hash;
                covered++;
            }
        }

        if (lastHash is null)
        {
            return;
        }

        var checkpoint = ArchiveCheckpoint.Create(covered, lastHash, seal);
        var write = SqliteInvoiceStore.Command(
            connection,
            transaction,
            "INSERT INTO archive_checkpoint (id, documents_covered, last_hash, seal, hash, sealed_at) VALUES (1, $covered, $lastHash, $seal, $hash, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            ("$covered", checkpoint.DocumentsCovered),
            ("$lastHash", checkpoint.LastHash),
            ("$seal", checkpoint.Seal),
            ("$hash", checkpoint.Hash));
        await using var writeScope = write.ConfigureAwait(false);
        await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the database was migrated to hash format 2 (the script is recorded, or its tables exist: either one left
    /// means the other was removed), and whether its checkpoint tables are there to read.
    /// </summary>
    public static async Task<(bool Migrated, bool TablesExist)> StateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var command = SqliteInvoiceStore.Command(
            connection,
            null,
            """
            SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('archive_checkpoint', 'archive_seals')),
                   (SELECT count(*) FROM schema_version WHERE script LIKE $pattern ESCAPE '!')
            """,
            ("$pattern", "%" + ScriptSuffix.Replace("_", "!_", StringComparison.Ordinal)));
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var tables = reader.GetInt64(0);
        return (tables > 0 || reader.GetInt64(1) > 0, tables == 2);
    }

    /// <summary>The checkpoint row, or null when there is none.</summary>
    public static async Task<ArchiveCheckpoint?> ReadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var command = SqliteInvoiceStore.Command(connection, null, "SELECT documents_covered, last_hash, seal, hash FROM archive_checkpoint WHERE id = 1");
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ArchiveCheckpoint(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            : null;
    }
}
