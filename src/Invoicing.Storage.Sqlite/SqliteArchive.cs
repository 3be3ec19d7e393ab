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

    /// <summary>
    /// Walks the chain on an open connection: each row's columns against its sealed record (the issued row and its
    /// account), the hashes, the checkpoint over format-1 documents and their seals, then the counter rows.
    /// </summary>
    internal static async Task<ArchiveVerification> VerifyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var (migrated, tablesExist) = await SqliteArchiveCheckpoint.StateAsync(connection, cancellationToken).ConfigureAwait(false);
        var checkpoint = tablesExist ? await SqliteArchiveCheckpoint.ReadAsync(connection, cancellationToken).ConfigureAwait(false) : null;
        var verifier = new ArchiveChainVerifier(checkpoint, checkpointRequired: migrated);
        var writeOffs = await HasWriteOffsAsync(connection, cancellationToken).ConfigureAwait(false);
        var command = SqliteInvoiceStore.Command(connection, null, RowsSql(tablesExist, writeOffs));
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && CheckRow(verifier, reader))
            {
            }
        }

        if (verifier.Failure is null)
        {
            await CheckCountersAsync(connection, verifier, cancellationToken).ConfigureAwait(false);
        }

        return verifier.Result();
    }

    /// <summary>
    /// Whether the accounts carry write-offs (schema version 5): a write-off closes the balance, so the balance and
    /// open columns are compared with what the payments, credits and write-off give. A file of an earlier version has none.
    /// </summary>
    private static async Task<bool> HasWriteOffsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var command = SqliteInvoiceStore.Command(connection, null, "SELECT count(*) FROM pragma_table_info('accounts') WHERE name = 'write_off_json'");
        await using (command.ConfigureAwait(false))
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
    }

    /// <summary>Every issued row in chain order, with its account and its checkpoint seal (NULL when the tables or columns are not there).</summary>
    private static string RowsSql(bool withSeals, bool withWriteOffs) => $"""
        SELECT d.number, d.series_id, d.counter_key, d.sequence, d.type_code, d.issue_date, d.issued_at, d.previous_hash, d.hash, d.document_json,
               a.number, a.is_credit_note, a.customer_key, a.issue_date, a.due_date, a.currency, a.amount_due, a.balance, a.is_open, a.payments_json, a.credits_json,
               {(withWriteOffs ? "a.write_off_json" : "NULL")}, {(withSeals ? "s.seal" : "NULL")}
        FROM issued_documents d
        LEFT JOIN accounts a ON a.number = d.number
        {(withSeals ? "LEFT JOIN archive_seals s ON s.position = d.position" : string.Empty)}
        ORDER BY d.position
        """;

    private static bool CheckRow(ArchiveChainVerifier verifier, SqliteDataReader reader)
    {
        var number = reader.GetString(0);
        InvoiceAccount account;
        try
        {
            account = new InvoiceAccount
            {
                Invoice = InvoiceJson.DeserializeIssued(reader.GetString(9)),
                Payments = reader.IsDBNull(19) ? [] : StoreJson.DeserializePayments(reader.GetString(19)),
                Credits = reader.IsDBNull(20) ? [] : StoreJson.DeserializeCredits(reader.GetString(20)),
                WriteOff = StoreJson.DeserializeWriteOff(reader.IsDBNull(21) ? null : reader.GetString(21)),
            };
        }
        catch (InvoiceFormatException exception)
        {
            verifier.Unreadable(number, "its stored document or account cannot be read: " + exception.Message);
            return false;
        }

        var issued = account.Invoice;
        var document = issued.Document;
        return verifier.CheckColumns(
                number,
                ArchiveColumn.Of("issued_documents.number", number, issued.Number),
                ArchiveColumn.Of("issued_documents.series_id", reader.GetString(1), issued.SeriesId),
                ArchiveColumn.Of("issued_documents.sequence", reader.GetInt64(3), issued.Sequence),
                ArchiveColumn.Of("issued_documents.type_code", reader.GetInt64(4), (long)document.Type),
                ArchiveColumn.Of("issued_documents.issue_date", reader.GetString(5), SqliteText.Date(document.IssueDate)),
                ArchiveColumn.Of("issued_documents.issued_at", reader.GetString(6), SqliteText.Instant(issued.IssuedAt)),
                ArchiveColumn.Of("issued_documents.previous_hash", reader.GetString(7), issued.PreviousHash),
                ArchiveColumn.Of("issued_documents.hash", reader.GetString(8), issued.Hash))
            && CheckAccount(verifier, reader, number, account)
            && verifier.Check(issued, reader.GetString(2), reader.IsDBNull(22) ? null : reader.GetString(22));
    }

    /// <summary>The account row: there is one, its copies are the document's, its balance and status follow from its payments, credits and write-off.</summary>
    private static bool CheckAccount(ArchiveChainVerifier verifier, SqliteDataReader reader, string number, InvoiceAccount account)
    {
        if (reader.IsDBNull(10))
        {
            verifier.Broken(number, "its account row is missing (the invoice would be left out of every query, reminder and report)");
            return false;
        }

        var document = account.Invoice.Document;
        return verifier.CheckColumns(
            number,
            ArchiveColumn.Of("accounts.is_credit_note", reader.GetInt64(11) != 0, document.Type.IsCreditNote()),
            ArchiveColumn.Of("accounts.customer_key", reader.GetString(12), document.CustomerKey),
            ArchiveColumn.Of("accounts.issue_date", reader.GetString(13), SqliteText.Date(document.IssueDate)),
            ArchiveColumn.Of("accounts.due_date", reader.GetString(14), SqliteText.Date(account.DueDate)),
            ArchiveColumn.Of("accounts.currency", reader.GetString(15), document.Currency.Code),
            Amount("accounts.amount_due", reader.GetString(16), account.AmountDue),
            Amount("accounts.balance", reader.GetString(17), account.Balance),
            ArchiveColumn.Of("accounts.is_open", reader.GetInt64(18) != 0, account.IsOpen));
    }

    /// <summary>An amount column compared as an amount (100.0 is 100.00), or as text when it does not hold one.</summary>
    private static ArchiveColumn Amount(string name, string stored, decimal sealedValue) =>
        decimal.TryParse(stored, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount)
            ? ArchiveColumn.Of(name, amount, sealedValue)
            : ArchiveColumn.Of(name, stored, SqliteText.Amount(sealedValue));

    /// <summary>The counter rows the next issues draw from, against the archive's last document of each counter.</summary>
    private static async Task CheckCountersAsync(SqliteConnection connection, ArchiveChainVerifier verifier, CancellationToken cancellationToken)
    {
        var counters = new List<ArchiveCounter>();
        var command = SqliteInvoiceStore.Command(connection, null, "SELECT counter_key, last_sequence, last_issue_date FROM counters ORDER BY counter_key");
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                counters.Add(new ArchiveCounter(reader.GetString(0), reader.GetInt64(1), SqliteText.ParseDate(reader.GetString(2), "counters.last_issue_date")));
            }
            catch (InvoiceFormatException exception)
            {
                verifier.Unreadable("(counter " + reader.GetString(0) + ")", "its counter row cannot be read: " + exception.Message);
                return;
            }
        }

        verifier.CheckCounters(counters);
    }
}
