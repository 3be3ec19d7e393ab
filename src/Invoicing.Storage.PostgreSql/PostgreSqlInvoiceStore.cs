using System.Runtime.CompilerServices;
using System.Text;
using Invoicing.Core;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Invoicing.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL store. Issue is one transaction that locks the chain head (so appends to the global hash chain are
/// serialized), draws the next sequence of the counter, stores the frozen document and its account, and deletes the draft.
/// Most issues go through <see cref="IssueBatcher{TItem, TResult}"/> to one <c>issue_documents</c> call; credit notes
/// that credit an invoice of the store, and patterns that hold the sequence twice, take two round trips.
/// </summary>
internal sealed partial class PostgreSqlInvoiceStore : IInvoiceStore, IInvoiceEventStore, IAsyncDisposable, IDisposable
{
    private const string AccountColumns = "i.document, a.payments, a.credits, a.write_off";

    private readonly PostgreSqlDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly IssueBatcher<PreparedIssue, IssuedInvoice> _batcher;

    public PostgreSqlInvoiceStore(PostgreSqlStoreOptions options)
        : this(new PostgreSqlDatabase(options), ownsDatabase: true)
    {
    }

    public PostgreSqlInvoiceStore(PostgreSqlDatabase database, bool ownsDatabase)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _ownsDatabase = ownsDatabase;
        _batcher = new IssueBatcher<PreparedIssue, IssuedInvoice>(IssueBatchAsync);
    }

    /// <summary>The schema this store works in, shared with the journal and the settings store of the same host.</summary>
    internal PostgreSqlDatabase Database => _database;

    public async Task<DraftId> SaveDraftAsync(Invoice draft, DraftId? id = null, CancellationToken cancellationToken = default)
    {
        InvoiceLifecycle.CheckDraft(draft);
        var json = InvoiceJson.Serialize(draft);
        var draftId = id ?? DraftId.New();
        return await RunAsync(nameof(SaveDraftAsync), async connection =>
        {
            var command = new NpgsqlCommand(
                "INSERT INTO drafts (id, document) VALUES (@id, @document) ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document, saved_at = now()",
                connection);
            await using var commandScope = command.ConfigureAwait(false);
            command.Parameters.AddWithValue("id", draftId.Value);
            command.Parameters.AddWithValue("document", json);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return draftId;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Invoice?> GetDraftAsync(DraftId id, CancellationToken cancellationToken = default)
    {
        var json = await RunAsync(nameof(GetDraftAsync), async connection =>
        {
            var command = new NpgsqlCommand("SELECT document FROM drafts WHERE id = @id", connection);
            await using var commandScope = command.ConfigureAwait(false);
            command.Parameters.AddWithValue("id", id.Value);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }, cancellationToken).ConfigureAwait(false);
        return json is null ? null : InvoiceJson.Deserialize(json);
    }

    public Task<bool> DeleteDraftAsync(DraftId id, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(DeleteDraftAsync), async connection =>
        {
            var command = new NpgsqlCommand("DELETE FROM drafts WHERE id = @id", connection);
            await using var commandScope = command.ConfigureAwait(false);
            command.Parameters.AddWithValue("id", id.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);

    public async Task<IssuedInvoice> IssueAsync(IssueRequest request, CancellationToken cancellationToken = default)
    {
        var totals = InvoiceLifecycle.PrepareIssue(request);
        var document = request.Document;
        var counterKey = request.Series.CounterKey(document.IssueDate);
        var creditedNumber = InvoiceLifecycle.CreditedInvoiceNumber(document);
        if (creditedNumber is null && IssueTemplate.TryCreate(request, totals) is { } template)
        {
            await _database.EnsureMigratedAsync(nameof(IssueAsync), cancellationToken).ConfigureAwait(false);
            return await _batcher.RunAsync(new PreparedIssue(request, totals, counterKey, template), cancellationToken).ConfigureAwait(false);
        }

        return await RunAsync(nameof(IssueAsync), async connection =>
        {
            // BEGIN travels with the first batch and COMMIT with the second: the chain head stays locked for two round trips.
            var committed = false;
            try
            {
                // 1. Lock the chain head (serializes every append), read the counter, the draft and the credited account.
                string previousHash;
                long chainLength;
                long lastSequence = 0;
                LocalDate? lastIssueDate = null;
                var draftExists = false;
                InvoiceAccount? credited = null;
                var batch = new NpgsqlBatch(connection);
                await using (batch.ConfigureAwait(false))
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
                    batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT length, hash FROM chain_head WHERE id = 1 FOR UPDATE"));
                    batch.BatchCommands.Add(Command("SELECT last_sequence, last_issue_date FROM counters WHERE counter_key = $1", counterKey));
                    batch.BatchCommands.Add(Command("SELECT count(*) FROM drafts WHERE id = $1", request.DraftId?.Value ?? Guid.Empty));
                    batch.BatchCommands.Add(Command($"SELECT {AccountColumns} FROM accounts a JOIN issued i ON i.number = a.number WHERE a.number = $1 FOR UPDATE OF a", creditedNumber ?? string.Empty));
                    var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using var readerScope = reader.ConfigureAwait(false);

                    // BEGIN returns no result set: the reader starts on the chain head.
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        throw new InvoiceStoreException(nameof(IssueAsync), $"the chain head of schema '{_database.Schema}' is missing; the schema is damaged");
                    }

                    chainLength = reader.GetInt64(0);
                    previousHash = reader.GetString(1);
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        lastSequence = reader.GetInt64(0);
                        lastIssueDate = LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(1));
                    }

                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    draftExists = reader.GetInt64(0) > 0;
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    if (creditedNumber is not null && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        credited = ReadAccount(reader);
                    }
                }

                // 2. The rules, then the number and the seal.
                InvoiceLifecycle.CheckIssue(request, lastIssueDate, draftExists);
                var issued = InvoiceLifecycle.Seal(request, totals, lastSequence + 1, previousHash);
                var credit = InvoiceLifecycle.CreditToApply(issued.Document, totals, credited);
                var sealedDocument = issued.Document;

                // 3. Append, count, open the account, delete the draft, apply the credit.
                var writes = new NpgsqlBatch(connection);
                await using (writes.ConfigureAwait(false))
                {
                    writes.BatchCommands.Add(Command(
                        """
                        INSERT INTO issued (position, number, series_id, counter_key, sequence, is_credit_note, customer_key, currency,
                                            issue_date, due_date, amount_due, issued_at, previous_hash, hash, document)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                        """,
                        chainLength + 1,
                        issued.Number,
                        issued.SeriesId,
                        counterKey,
                        issued.Sequence,
                        sealedDocument.Type.IsCreditNote(),
                        sealedDocument.CustomerKey,
                        sealedDocument.Currency.Code,
                        sealedDocument.IssueDate.ToDateOnly(),
                        (sealedDocument.DueDate ?? sealedDocument.IssueDate).ToDateOnly(),
                        totals.AmountDue,
                        issued.IssuedAt.ToDateTimeUtc(),
                        issued.PreviousHash,
                        issued.Hash,
                        StoreJson.SerializeIssued(issued)));
                    writes.BatchCommands.Add(Command(
                        """
                        INSERT INTO counters (counter_key, series_id, last_sequence, last_issue_date) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (counter_key) DO UPDATE SET last_sequence = EXCLUDED.last_sequence, last_issue_date = EXCLUDED.last_issue_date
                        """,
                        counterKey,
                        issued.SeriesId,
                        issued.Sequence,
                        sealedDocument.IssueDate.ToDateOnly()));
                    writes.BatchCommands.Add(Command("UPDATE chain_head SET length = $1, hash = $2 WHERE id = 1", chainLength + 1, issued.Hash));
                    writes.BatchCommands.Add(Command(
                        "INSERT INTO accounts (number, customer_key, issue_date, due_date, is_credit_note, amount_due) VALUES ($1, $2, $3, $4, $5, $6)",
                        issued.Number,
                        sealedDocument.CustomerKey,
                        sealedDocument.IssueDate.ToDateOnly(),
                        (sealedDocument.DueDate ?? sealedDocument.IssueDate).ToDateOnly(),
                        sealedDocument.Type.IsCreditNote(),
                        totals.AmountDue));
                    if (request.DraftId is { } draftId)
                    {
                        writes.BatchCommands.Add(Command("DELETE FROM drafts WHERE id = $1", draftId.Value));
                    }

                    if (credit is not null && credited is not null)
                    {
                        var after = credited with { Credits = credited.Credits.Append(credit).ToValueList() };
                        writes.BatchCommands.Add(Command(
                            "UPDATE accounts SET credited = credited + $1, credits = $2 WHERE number = $3",
                            credit.Amount,
                            StoreJson.SerializeCredits(after.Credits),
                            credited.Number));

                        // After the insert above, whose trigger recorded the credit note's issued event.
                        writes.BatchCommands.Add(RecordEventCommand(InvoiceEvents.Credited(after, credit, issued.IssuedAt)));
                    }

                    writes.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
                    try
                    {
                        await writes.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (PostgresException exception) when (exception.SqlState == PostgreSqlErrors.UniqueViolation && exception.ConstraintName == "issued_number_key")
                    {
                        throw InvoiceLifecycle.NumberTaken(issued.Number);
                    }
                }

                committed = true;
                return issued;
            }
            finally
            {
                if (!committed)
                {
                    await PostgreSqlDatabase.RollBackQuietlyAsync(connection).ConfigureAwait(false);
                }
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a batch of issues in one call of <c>issue_documents</c>. When the server refuses the call as a whole (a value
    /// it cannot store), nothing of it was stored, and each issue is tried alone so only its own caller fails.
    /// </summary>
    internal async Task<IReadOnlyList<IssueBatcher<PreparedIssue, IssuedInvoice>.Outcome>> IssueBatchAsync(IReadOnlyList<PreparedIssue> items)
    {
        try
        {
            return await RunAsync(nameof(IssueAsync), connection => IssueDocumentsCommand.RunAsync(connection, items, CancellationToken.None), CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvoiceStoreException failure) when (items.Count > 1 && failure.InnerException is PostgresException)
        {
            // The server refused the call, so its transaction rolled back. (After a lost connection the batch may have
            // been committed: it is not retried, and every caller gets the error, as a single issue would.)
            var outcomes = new List<IssueBatcher<PreparedIssue, IssuedInvoice>.Outcome>(items.Count);
            foreach (var item in items)
            {
                try
                {
                    outcomes.AddRange(await IssueBatchAsync([item]).ConfigureAwait(false));
                }
                catch (Exception exception)
                {
                    outcomes.Add(IssueBatcher<PreparedIssue, IssuedInvoice>.Outcome.Failed(exception));
                }
            }

            return outcomes;
        }
    }

    public async Task<IssuedInvoice?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        var json = await RunAsync(nameof(GetAsync), async connection =>
        {
            var command = new NpgsqlCommand("SELECT document FROM issued WHERE number = @number", connection);
            await using var commandScope = command.ConfigureAwait(false);
            command.Parameters.AddWithValue("number", number);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }, cancellationToken).ConfigureAwait(false);
        return json is null ? null : InvoiceJson.DeserializeIssued(json);
    }

    public Task<InvoiceAccount?> GetAccountAsync(string number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        return RunAsync(nameof(GetAccountAsync), async connection =>
        {
            var command = new NpgsqlCommand($"SELECT {AccountColumns} FROM accounts a JOIN issued i ON i.number = a.number WHERE a.number = @number", connection);
            await using var commandScope = command.ConfigureAwait(false);
            command.Parameters.AddWithValue("number", number);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadAccount(reader) : null;
        }, cancellationToken);
    }

    public async IAsyncEnumerable<InvoiceAccount> QueryAsync(InvoiceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string operation = nameof(QueryAsync);
        var sql = new StringBuilder($"SELECT {AccountColumns} FROM accounts a JOIN issued i ON i.number = a.number WHERE true");
        var parameters = new List<object>();
        void Where(string condition, object value)
        {
            parameters.Add(value);
            sql.Append(" AND ").Append(condition.Replace("?", "$" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        if (query.OpenOnly)
        {
            sql.Append(" AND a.is_open");
        }

        if (query.DueOnOrBefore is { } due)
        {
            Where("a.due_date <= ?", due.ToDateOnly());
        }

        if (query.CustomerKey is { } customer)
        {
            Where("a.customer_key = ?", customer);
        }

        if (query.IssuedOnOrAfter is { } from)
        {
            Where("a.issue_date >= ?", from.ToDateOnly());
        }

        if (query.IssuedOnOrBefore is { } to)
        {
            Where("a.issue_date <= ?", to.ToDateOnly());
        }

        sql.Append(" ORDER BY a.due_date, a.number");

        await _database.EnsureMigratedAsync(operation, cancellationToken).ConfigureAwait(false);
        var connection = await PostgreSqlDatabase.GuardAsync(operation, () => _database.DataSource.OpenConnectionAsync(cancellationToken).AsTask()).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(sql.ToString(), connection);
            await using (command.ConfigureAwait(false))
            {
                foreach (var value in parameters)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value });
                }

                // Rows stream from the server as they are read: a large result set is never held in memory.
                var reader = await PostgreSqlDatabase.GuardAsync(operation, () => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await PostgreSqlDatabase.GuardAsync(operation, () => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
                    {
                        yield return ReadAccount(reader);
                    }
                }
            }
        }
    }

    public async Task<InvoiceAccount> RecordPaymentAsync(Payment payment, CancellationToken cancellationToken = default)
    {
        InvoiceLifecycle.CheckPaymentShape(payment);
        return await RunAsync(nameof(RecordPaymentAsync), async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);
            InvoiceAccount? account = null;
            bool idRecorded;
            var batch = new NpgsqlBatch(connection, transaction);
            await using (batch.ConfigureAwait(false))
            {
                batch.BatchCommands.Add(Command($"SELECT {AccountColumns} FROM accounts a JOIN issued i ON i.number = a.number WHERE a.number = $1 FOR UPDATE OF a", payment.InvoiceNumber));
                batch.BatchCommands.Add(Command("SELECT count(*) FROM payment_ids WHERE id = $1", payment.Id));
                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using var readerScope = reader.ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    account = ReadAccount(reader);
                }

                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                idRecorded = reader.GetInt64(0) > 0;
            }

            InvoiceLifecycle.CheckPayment(payment, account, idRecorded);
            var after = account! with { Payments = account.Payments.Append(payment).ToValueList() };
            var writes = new NpgsqlBatch(connection, transaction);
            await using (writes.ConfigureAwait(false))
            {
                writes.BatchCommands.Add(Command("INSERT INTO payment_ids (id, invoice_number) VALUES ($1, $2)", payment.Id, after.Number));
                writes.BatchCommands.Add(Command("UPDATE accounts SET paid = paid + $1, payments = $2 WHERE number = $3", payment.Amount, StoreJson.SerializePayments(after.Payments), after.Number));
                writes.BatchCommands.Add(RecordEventCommand(InvoiceEvents.Paid(after, payment, _database.Clock.GetCurrentInstant())));
                try
                {
                    await writes.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException exception) when (exception.SqlState == PostgreSqlErrors.UniqueViolation && exception.ConstraintName == "payment_ids_pkey")
                {
                    // Recorded by another process between our check and our insert.
                    InvoiceLifecycle.CheckPayment(payment, account, idAlreadyRecorded: true);
                    throw;
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return after;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<InvoiceAccount> WriteOffAsync(WriteOff writeOff, CancellationToken cancellationToken = default)
    {
        InvoiceLifecycle.CheckWriteOffShape(writeOff);
        return await RunAsync(nameof(WriteOffAsync), async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);
            var account = await ReadAccountForUpdateAsync(connection, transaction, writeOff.InvoiceNumber, cancellationToken).ConfigureAwait(false);
            var applied = InvoiceLifecycle.CheckWriteOff(writeOff, account);
            var closed = account! with { WriteOff = applied };
            var writes = new NpgsqlBatch(connection, transaction);
            await using (writes.ConfigureAwait(false))
            {
                writes.BatchCommands.Add(Command("UPDATE accounts SET written_off = $1, write_off = $2 WHERE number = $3", closed.WrittenOff, StoreJson.SerializeWriteOff(closed.WriteOff!), closed.Number));
                writes.BatchCommands.Add(RecordEventCommand(InvoiceEvents.WrittenOff(closed, _database.Clock.GetCurrentInstant())));
                await writes.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return closed;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<ArchiveVerification> VerifyArchiveAsync(CancellationToken cancellationToken = default) =>
        RunAsync(nameof(VerifyArchiveAsync), connection => PostgreSqlArchive.VerifyAsync(connection, cancellationToken), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_ownsDatabase)
        {
            await _database.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (_ownsDatabase)
        {
            _database.Dispose();
        }
    }

    private static InvoiceAccount ReadAccount(NpgsqlDataReader reader) => new()
    {
        Invoice = InvoiceJson.DeserializeIssued(reader.GetString(0)),
        Payments = StoreJson.DeserializePayments(reader.GetString(1)),
        Credits = StoreJson.DeserializeCredits(reader.GetString(2)),
        WriteOff = StoreJson.DeserializeWriteOff(reader.IsDBNull(3) ? null : reader.GetString(3)),
    };

    /// <summary>Reads an account and locks its row until the transaction ends; null when there is none.</summary>
    private static async Task<InvoiceAccount?> ReadAccountForUpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string number, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand($"SELECT {AccountColumns} FROM accounts a JOIN issued i ON i.number = a.number WHERE a.number = @number FOR UPDATE OF a", connection, transaction);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.AddWithValue("number", number);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadAccount(reader) : null;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value is string text ? new NpgsqlParameter { Value = text, NpgsqlDbType = NpgsqlDbType.Text } : new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private Task<T> RunAsync<T>(string operation, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        _database.RunAsync(operation, work, cancellationToken);
}
