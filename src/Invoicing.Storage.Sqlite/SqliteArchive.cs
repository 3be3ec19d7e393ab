using Invoicing.Core;
using Microsoft.Data.Sqlite;

namespace Invoicing.Storage.Sqlite;

/// <summary>Checks the hash chain of a SQLite invoice archive without changing the file.</summary>
public static class SqliteArchive
{
    /// <summary>
    /// Opens the database file read-only and walks its hash chain in the order of issue; reports the first broken
    /// link with its document number. The file is not created, migrated or written.
    /// </summary>
    /// <exception cref="InvoiceStoreException">The file does not exist, cannot be read, or is not an invoicing database.</exception>
    public static async Task<ArchiveVerification> VerifyAsync(string databasePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        const string operation = "VerifyArchiveAsync";
        if (!File.Exists(databasePath))
        {
            throw new InvoiceStoreException(operation, $"There is no database file '{databasePath}'.");
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        try
        {
            var connection = new SqliteConnection(connectionString);
            await using var connectionScope = connection.ConfigureAwait(false);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (await SqliteMigrator.CurrentVersionAsync(connection, null, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new InvoiceStoreException(operation, $"'{databasePath}' is not an invoicing database (it has no schema_version table).");
            }

            return await VerifyAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (SqliteInvoiceStore.IsStoreFailure(exception))
        {
            throw SqliteInvoiceStore.Wrap(operation, exception);
        }
    }

    /// <summary>Walks the chain on an open connection.</summary>
    internal static async Task<ArchiveVerification> VerifyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var verifier = new ArchiveChainVerifier();
        var command = SqliteInvoiceStore.Command(
            connection,
            null,
            "SELECT number, series_id, sequence, previous_hash, hash, document_json FROM issued_documents ORDER BY position");
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var number = reader.GetString(0);
            IssuedInvoice issued;
            try
            {
                issued = InvoiceJson.DeserializeIssued(reader.GetString(5));
            }
            catch (InvoiceFormatException exception)
            {
                verifier.Unreadable(number, "its stored document cannot be read: " + exception.Message);
                break;
            }

            var columnsMatch = string.Equals(issued.Document.Number, number, StringComparison.Ordinal)
                && string.Equals(issued.SeriesId, reader.GetString(1), StringComparison.Ordinal)
                && issued.Sequence == reader.GetInt64(2)
                && string.Equals(issued.PreviousHash, reader.GetString(3), StringComparison.Ordinal)
                && string.Equals(issued.Hash, reader.GetString(4), StringComparison.Ordinal);
            if (!columnsMatch)
            {
                verifier.Unreadable(number, "its columns (number, series, sequence, hashes) do not match its stored document (the row was altered)");
                break;
            }

            if (!verifier.Check(issued))
            {
                break;
            }
        }

        return verifier.Result();
    }
}
