using Invoicing.Core;
using NodaTime;
using Npgsql;

namespace Invoicing.Storage.PostgreSql;

/// <summary>
/// The archive verification of a schema: in one <c>REPEATABLE READ</c> snapshot, each issued row's columns and its
/// account against its sealed record, the hash chain with the checkpoint over format-1 documents and their seals, the
/// chain head, and the counter rows.
/// </summary>
internal static class PostgreSqlArchive
{
    private const string RowsSql = """
        SELECT i.position, i.number, i.series_id, i.counter_key, i.sequence, i.is_credit_note, i.customer_key, i.currency,
               i.issue_date, i.due_date, i.amount_due, i.issued_at, i.previous_hash, i.hash, i.document,
               a.number, a.customer_key, a.issue_date, a.due_date, a.is_credit_note, a.amount_due, a.paid, a.credited, a.payments, a.credits,
               s.seal, a.written_off, a.write_off
        FROM issued i
        LEFT JOIN accounts a ON a.number = i.number
        LEFT JOIN archive_seals s ON s.position = i.position
        ORDER BY i.position
        """;

    public static async Task<ArchiveVerification> VerifyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // One snapshot for the whole walk, so documents issued meanwhile neither break nor extend it.
        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        if (!await ScalarAsync<bool>(connection, transaction, "SELECT to_regclass('archive_seals') IS NOT NULL AND to_regclass('archive_checkpoint') IS NOT NULL", cancellationToken).ConfigureAwait(false))
        {
            return new ArchiveVerification(0, "(checkpoint)", "the tables archive_seals and archive_checkpoint, which seal the documents hashed in format 1, are missing (dropped)");
        }

        long headLength;
        string headHash;
        var head = new NpgsqlCommand("SELECT length, hash FROM chain_head WHERE id = 1", connection, transaction);
        await using (head.ConfigureAwait(false))
        {
            var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return new ArchiveVerification(0, "(chain head)", "the chain head row is missing");
            }

            headLength = reader.GetInt64(0);
            headHash = reader.GetString(1);
        }

        var checkpoint = await PostgreSqlArchiveCheckpoint.ReadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var verifier = new ArchiveChainVerifier(checkpoint, checkpointRequired: true);
        string? lastNumber = null;
        long rows = 0;
        var command = new NpgsqlCommand(RowsSql, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows++;
                if (!CheckRow(verifier, reader, rows))
                {
                    return verifier.Result();
                }

                lastNumber = reader.GetString(1);
            }
        }

        if (verifier.Result() is { IsIntact: false } broken)
        {
            return broken;
        }

        if (headLength != rows || !string.Equals(headHash, verifier.NextPreviousHash, StringComparison.Ordinal))
        {
            return new ArchiveVerification(
                rows,
                lastNumber ?? "(none)",
                FormattableString.Invariant($"the chain head records {headLength} documents ending in hash {headHash[..Math.Min(12, headHash.Length)]}..., the archive holds {rows} ending in {verifier.NextPreviousHash[..12]}...: documents after this one were removed"));
        }

        var counters = await ReadCountersAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        foreach (var (_, key, series) in counters)
        {
            if (!string.Equals(key, series, StringComparison.Ordinal) && !key.StartsWith(series + "/", StringComparison.Ordinal))
            {
                verifier.Broken("(counter " + key + ")", $"its counters.series_id column holds '{series}', which is not the series of counter '{key}' (the counter row was altered)");
                return verifier.Result();
            }
        }

        verifier.CheckCounters(counters.Select(c => c.Counter));
        return verifier.Result();
    }

    private static bool CheckRow(ArchiveChainVerifier verifier, NpgsqlDataReader reader, long expectedPosition)
    {
        var number = reader.GetString(1);
        InvoiceAccount account;
        try
        {
            account = new InvoiceAccount
            {
                Invoice = InvoiceJson.DeserializeIssued(reader.GetString(14)),
                Payments = reader.IsDBNull(23) ? [] : StoreJson.DeserializePayments(reader.GetString(23)),
                Credits = reader.IsDBNull(24) ? [] : StoreJson.DeserializeCredits(reader.GetString(24)),
                WriteOff = StoreJson.DeserializeWriteOff(reader.IsDBNull(27) ? null : reader.GetString(27)),
            };
        }
        catch (InvoiceFormatException exception)
        {
            verifier.Unreadable(number, "its stored document or account cannot be read: " + exception.Message);
            return false;
        }

        var issued = account.Invoice;
        var document = issued.Document;
        return CheckPosition(verifier, number, reader.GetInt64(0), expectedPosition)
            && verifier.CheckColumns(
                number,
                ArchiveColumn.Of("issued.number", number, issued.Number),
                ArchiveColumn.Of("issued.series_id", reader.GetString(2), issued.SeriesId),
                ArchiveColumn.Of("issued.sequence", reader.GetInt64(4), issued.Sequence),
                ArchiveColumn.Of("issued.is_credit_note", reader.GetBoolean(5), document.Type.IsCreditNote()),
                ArchiveColumn.Of("issued.customer_key", reader.GetString(6), document.CustomerKey),
                ArchiveColumn.Of("issued.currency", reader.GetString(7), document.Currency.Code),
                ArchiveColumn.Of("issued.issue_date", Date(reader, 8), document.IssueDate),
                ArchiveColumn.Of("issued.due_date", Date(reader, 9), account.DueDate),
                ArchiveColumn.Of("issued.amount_due", reader.GetDecimal(10), account.AmountDue),
                ArchiveColumn.Of("issued.issued_at", Instant.FromDateTimeUtc(reader.GetFieldValue<DateTime>(11)), issued.IssuedAt),
                ArchiveColumn.Of("issued.previous_hash", reader.GetString(12), issued.PreviousHash),
                ArchiveColumn.Of("issued.hash", reader.GetString(13), issued.Hash))
            && CheckAccount(verifier, reader, number, account)
            && verifier.Check(issued, reader.GetString(3), reader.IsDBNull(25) ? null : reader.GetString(25));
    }

    /// <summary>
    /// The account row: there is one, its copies are the document's, its paid, credited and written-off sums are its
    /// payments', credits' and write-off's (is_open is generated from them).
    /// </summary>
    private static bool CheckAccount(ArchiveChainVerifier verifier, NpgsqlDataReader reader, string number, InvoiceAccount account)
    {
        if (reader.IsDBNull(15))
        {
            verifier.Broken(number, "its account row is missing (the invoice would be left out of every query, reminder and report)");
            return false;
        }

        var document = account.Invoice.Document;
        return verifier.CheckColumns(
            number,
            ArchiveColumn.Of("accounts.customer_key", reader.GetString(16), document.CustomerKey),
            ArchiveColumn.Of("accounts.issue_date", Date(reader, 17), document.IssueDate),
            ArchiveColumn.Of("accounts.due_date", Date(reader, 18), account.DueDate),
            ArchiveColumn.Of("accounts.is_credit_note", reader.GetBoolean(19), document.Type.IsCreditNote()),
            ArchiveColumn.Of("accounts.amount_due", reader.GetDecimal(20), account.AmountDue),
            ArchiveColumn.Of("accounts.paid", reader.GetDecimal(21), account.Paid),
            ArchiveColumn.Of("accounts.credited", reader.GetDecimal(22), account.Credited),
            ArchiveColumn.Of("accounts.written_off", reader.GetDecimal(26), account.WrittenOff));
    }

    /// <summary>Positions run 1, 2, 3...: a gap is a removed document, even one whose successor was re-linked.</summary>
    private static bool CheckPosition(ArchiveChainVerifier verifier, string number, long position, long expected)
    {
        if (position == expected)
        {
            return true;
        }

        verifier.Broken(number, FormattableString.Invariant($"its position {position} is not {expected} (a document was removed)"));
        return false;
    }

    private static LocalDate Date(NpgsqlDataReader reader, int ordinal) => LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(ordinal));

    private static async Task<List<(ArchiveCounter Counter, string CounterKey, string SeriesId)>> ReadCountersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var counters = new List<(ArchiveCounter, string, string)>();
        var command = new NpgsqlCommand("SELECT counter_key, series_id, last_sequence, last_issue_date FROM counters ORDER BY counter_key", connection, transaction);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = reader.GetString(0);
            counters.Add((new ArchiveCounter(key, reader.GetInt64(2), Date(reader, 3)), key, reader.GetString(1)));
        }

        return counters;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        await using var commandScope = command.ConfigureAwait(false);
        return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
