using Invoicing.Core;
using Npgsql;
using NpgsqlTypes;

namespace Invoicing.Storage.PostgreSql;

/// <summary>
/// The checkpoint over the documents hashed in format 1, written once by the migration to hash format 2
/// (<c>Migrations/NNNN_archive_metadata.sql</c>) and read by the archive verification.
/// </summary>
internal static class PostgreSqlArchiveCheckpoint
{
    /// <summary>The migration after which <see cref="SealAsync"/> runs, by its name (its number may change).</summary>
    public const string MigrationSuffix = "_archive_metadata";

    /// <summary>Documents read and sealed per round trip: the connection cannot write while it streams.</summary>
    private const int Page = 1000;

    /// <summary>
    /// Seals the issued documents hashed in format 1 (all of them: the script has just made format 2 the only one
    /// accepted): a seal row each, then the checkpoint, which becomes the chain head. Runs in the migration's
    /// transaction, which holds the schema's migration lock and (from the script) the chain head, so no issue interleaves.
    /// </summary>
    public static async Task SealAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var seal = ArchiveHash.Genesis;
        string? lastHash = null;
        long covered = 0;
        long after = 0;
        var done = false;
        while (!done)
        {
            var positions = new List<long>(Page);
            var seals = new List<string>(Page);
            var read = new NpgsqlCommand("SELECT position, counter_key, document FROM issued WHERE position > $1 ORDER BY position LIMIT $2", connection, transaction);
            await using (read.ConfigureAwait(false))
            {
                read.Parameters.Add(new NpgsqlParameter { Value = after });
                read.Parameters.Add(new NpgsqlParameter { Value = Page });
                var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using var readerScope = reader.ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    after = reader.GetInt64(0);
                    IssuedInvoice issued;
                    try
                    {
                        issued = InvoiceJson.DeserializeIssued(reader.GetString(2));
                    }
                    catch (InvoiceFormatException exception)
                    {
                        throw new InvoiceStoreException("Migrate", FormattableString.Invariant($"the archive cannot be sealed for hash format 2: the document at position {after} cannot be read ({exception.Message}); nothing was changed"), exception);
                    }

                    if (issued.HashFormat != ArchiveHash.FormatDocument)
                    {
                        done = true;
                        break;
                    }

                    seal = ArchiveCheckpoint.NextSeal(seal, issued, reader.GetString(1));
                    positions.Add(after);
                    seals.Add(seal);
                    lastHash = issued.Hash;
                    covered++;
                }
            }

            done |= positions.Count < Page;
            if (positions.Count == 0)
            {
                break;
            }

            var insert = new NpgsqlCommand("INSERT INTO archive_seals (position, seal) SELECT * FROM unnest($1, $2)", connection, transaction);
            await using (insert.ConfigureAwait(false))
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = positions.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
                insert.Parameters.Add(new NpgsqlParameter { Value = seals.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (lastHash is null)
        {
            return;
        }

        var checkpoint = ArchiveCheckpoint.Create(covered, lastHash, seal);
        var write = new NpgsqlCommand(
            "WITH sealed AS (INSERT INTO archive_checkpoint (id, documents_covered, last_hash, seal, hash) VALUES (1, $1, $2, $3, $4) RETURNING hash) UPDATE chain_head SET hash = (SELECT hash FROM sealed) WHERE id = 1",
            connection,
            transaction);
        await using (write.ConfigureAwait(false))
        {
            write.Parameters.Add(new NpgsqlParameter { Value = checkpoint.DocumentsCovered });
            write.Parameters.Add(new NpgsqlParameter { Value = checkpoint.LastHash, NpgsqlDbType = NpgsqlDbType.Text });
            write.Parameters.Add(new NpgsqlParameter { Value = checkpoint.Seal, NpgsqlDbType = NpgsqlDbType.Text });
            write.Parameters.Add(new NpgsqlParameter { Value = checkpoint.Hash, NpgsqlDbType = NpgsqlDbType.Text });
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The checkpoint row, or null when there is none (read in the verification's snapshot).</summary>
    public static async Task<ArchiveCheckpoint?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("SELECT documents_covered, last_hash, seal, hash FROM archive_checkpoint WHERE id = 1", connection, transaction);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ArchiveCheckpoint(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            : null;
    }
}
