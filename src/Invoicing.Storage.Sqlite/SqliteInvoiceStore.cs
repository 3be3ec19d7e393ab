using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Invoicing.Core;
using Microsoft.Data.Sqlite;

namespace Invoicing.Storage.Sqlite;

/// <summary>
/// The SQLite store. Writes go through one connection held by this instance, one at a time, each in a
/// <c>BEGIN IMMEDIATE</c> transaction (so other processes on the same file wait for the lock rather than interleave);
/// reads use pooled connections and see the last committed state (WAL). The schema is brought up to date on first use.
/// </summary>
internal sealed partial class SqliteInvoiceStore : IInvoiceStore, IInvoiceEventStore, IAsyncDisposable, IDisposable
{
    private const string AccountColumns = "d.document_json, a.payments_json, a.credits_json, a.write_off_json";

    private readonly string _connectionString;
    private readonly NodaTime.IClock _clock;
    private readonly string _pragmas;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>The last sequence this store drew per counter, and the chain head it wrote: a guess for the next issue.</summary>
    private readonly Dictionary<string, long> _lastSequences = new(StringComparer.Ordinal);
    private string? _chainHead;
    private SqliteConnection? _writer;
    private volatile bool _migrated;
    private volatile bool _disposed;

    /// <summary>
    /// Everything an issue needs to read, in one row (the sub-selects are NULL or 0 when there is nothing). The chain head
    /// is the last document's hash, or the checkpoint's when the last document is the last one it seals.
    /// </summary>
    private const string IssueStateSql = """
        SELECT (SELECT last_sequence FROM counters WHERE counter_key = $key),
               (SELECT last_issue_date FROM counters WHERE counter_key = $key),
               (SELECT coalesce(c.hash, d.hash) FROM issued_documents d LEFT JOIN archive_checkpoint c ON c.last_hash = d.hash ORDER BY d.position DESC LIMIT 1),
               EXISTS (SELECT 1 FROM drafts WHERE id = $draft)
        """;

    /// <summary>Everything an issue writes, as one prepared command: the frozen document, its account, the counter.</summary>
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    private const string IssueWriteSql = """
        INSERT INTO issued_documents (number, series_id, counter_key, sequence, type_code, issue_date, issued_at, previous_hash, hash, document_json)
        VALUES ($number, $series, $counter, $sequence, $type, $issueDate, $issuedAt, $previousHash, $hash, $json);
        INSERT INTO accounts (number, is_credit_note, customer_key, issue_date, due_date, currency, amount_due, balance, is_open)
        VALUES ($number, $creditNote, $customer, $issueDate, $dueDate, $currency, $amountDue, $balance, $open);
        INSERT INTO counters (counter_key, last_sequence, last_issue_date) VALUES ($counter, $sequence, $issueDate)
        ON CONFLICT (counter_key) DO UPDATE SET last_sequence = excluded.last_sequence, last_issue_date = excluded.last_issue_date;
        """;

    public SqliteInvoiceStore(string connectionString, SqliteStoreOptions options, NodaTime.IClock? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _clock = clock ?? options.Clock ?? InvoicingClocks.FromTimeProvider(TimeProvider.System);
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        };
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("The connection string names no database file (Data Source).", nameof(connectionString));
        }

        if (IsInMemory(builder))
        {
            throw new ArgumentException("The connection string names an in-memory SQLite database, whose invoices would be lost when its last connection closes: name a file, or use the in-memory store (UseInMemoryStore).", nameof(connectionString));
        }

        _connectionString = builder.ToString();
        _pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {(options.DurableCommits ? "FULL" : "NORMAL")}; PRAGMA foreign_keys = ON;");
    }

    /// <summary>Brings the schema up to date now rather than on first use; returns the versions applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<int> applied = [];
        await WriteAsync("MigrateAsync", (_, _) => Task.FromResult(0), cancellationToken, migrated => applied = migrated).ConfigureAwait(false);
        return applied;
    }

    public Task<DraftId> SaveDraftAsync(Invoice draft, DraftId? id = null, CancellationToken cancellationToken = default)
    {
        InvoiceLifecycle.CheckDraft(draft);
        var key = id ?? DraftId.New();
        var json = InvoiceJson.Serialize(draft);
        return WriteAsync("SaveDraftAsync", async (connection, transaction) =>
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO drafts (id, document_json) VALUES ($id, $json) ON CONFLICT (id) DO UPDATE SET document_json = excluded.document_json", cancellationToken, ("$id", key.ToString()), ("$json", json)).ConfigureAwait(false);
            return key;
        }, cancellationToken);
    }

    public Task<Invoice?> GetDraftAsync(DraftId id, CancellationToken cancellationToken = default) =>
        ReadAsync("GetDraftAsync", async connection =>
        {
            var json = await ScalarAsync<string>(connection, null, "SELECT document_json FROM drafts WHERE id = $id", cancellationToken, ("$id", id.ToString())).ConfigureAwait(false);
            return json is null ? null : InvoiceJson.Deserialize(json);
        }, cancellationToken);

    public Task<bool> DeleteDraftAsync(DraftId id, CancellationToken cancellationToken = default) =>
        WriteAsync("DeleteDraftAsync", async (connection, transaction) =>
            await ExecuteAsync(connection, transaction, "DELETE FROM drafts WHERE id = $id", cancellationToken, ("$id", id.ToString())).ConfigureAwait(false) > 0,
            cancellationToken);

    public Task<IssuedInvoice> IssueAsync(IssueRequest request, CancellationToken cancellationToken = default)
    {
        // Outside the write lock: the checks that need no stored state, and the totals.
        var totals = InvoiceLifecycle.PrepareIssue(request);
        var document = request.Document;
        var counterKey = request.Series.CounterKey(document.IssueDate);
        var creditedNumber = InvoiceLifecycle.CreditedInvoiceNumber(document);
        var draftKey = request.DraftId?.ToString();
        SealedIssue? speculative = null;
        return WriteAsync(
            "IssueAsync",
            beforeBegin: () =>
            {
                // Before BEGIN IMMEDIATE, under this store's gate: seal and serialize for the sequence and chain head this
                // store wrote last. Inside the transaction they are read again; the work is reused only when they match
                // (another process may have issued in between), so the lock is held for the statements alone.
                if (_chainHead is { } head && _lastSequences.TryGetValue(counterKey, out var last))
                {
                    speculative = SealedIssue.Create(request, totals, checked(last + 1), head);
                }
            },
            async (connection, transaction) =>
            {
                // One statement reads everything the rules need: the counter, the chain head, whether the draft exists.
                long lastSequence = 0;
                NodaTime.LocalDate? lastIssueDate = null;
                var previousHash = ArchiveHash.Genesis;
                bool draftExists;
                var state = Rent(connection, transaction, IssueStateSql, [("$key", counterKey), ("$draft", draftKey)], out var ownedState);
                try
                {
                    var reader = await state.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using var readerScope = reader.ConfigureAwait(false);
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    if (!reader.IsDBNull(0))
                    {
                        lastSequence = reader.GetInt64(0);
                        lastIssueDate = SqliteText.ParseDate(reader.GetString(1), "counters.last_issue_date");
                    }

                    if (!reader.IsDBNull(2))
                    {
                        previousHash = reader.GetString(2);
                    }

                    draftExists = reader.GetInt64(3) != 0;
                }
                finally
                {
                    await ReturnAsync(state, ownedState).ConfigureAwait(false);
                }

                InvoiceLifecycle.CheckIssue(request, lastIssueDate, draftExists);
                var sequence = checked(lastSequence + 1);
                var original = creditedNumber is null ? null : await ReadAccountAsync(connection, transaction, creditedNumber, cancellationToken).ConfigureAwait(false);
                var credit = InvoiceLifecycle.CreditToApply(document with { Number = request.Series.Format(sequence, document.IssueDate) }, totals, original);
                var sealedIssue = speculative is { } guess && guess.Issued.Sequence == sequence && string.Equals(guess.Issued.PreviousHash, previousHash, StringComparison.Ordinal)
                    ? guess
                    : SealedIssue.Create(request, totals, sequence, previousHash);
                var issued = sealedIssue.Issued;
                var account = new InvoiceAccount { Invoice = issued };

                try
                {
                    await ExecuteAsync(
                        connection,
                        transaction,
                        IssueWriteSql,
                        cancellationToken,
                        ("$number", issued.Number),
                        ("$series", issued.SeriesId),
                        ("$counter", counterKey),
                        ("$sequence", sequence),
                        ("$type", (int)issued.Document.Type),
                        ("$issueDate", SqliteText.Date(issued.Document.IssueDate)),
                        ("$issuedAt", SqliteText.Instant(issued.IssuedAt)),
                        ("$previousHash", issued.PreviousHash),
                        ("$hash", issued.Hash),
                        ("$json", sealedIssue.Json),
                        ("$creditNote", issued.Document.Type.IsCreditNote() ? 1 : 0),
                        ("$customer", issued.Document.CustomerKey),
                        ("$dueDate", SqliteText.Date(account.DueDate)),
                        ("$currency", issued.Document.Currency.Code),
                        ("$amountDue", SqliteText.Amount(account.AmountDue)),
                        ("$balance", SqliteText.Amount(account.Balance)),
                        ("$open", account.IsOpen ? 1 : 0)).ConfigureAwait(false);
                }
                catch (SqliteException exception) when (IsUniqueViolation(exception))
                {
                    // The number is unique in the table: a series whose pattern does not tell its counters apart.
                    if (await NumberHeldByAnotherAsync(connection, transaction, issued, cancellationToken).ConfigureAwait(false))
                    {
                        throw InvoiceLifecycle.NumberTaken(issued.Number);
                    }

                    throw;
                }

                if (draftKey is not null)
                {
                    await ExecuteAsync(connection, transaction, "DELETE FROM drafts WHERE id = $id", cancellationToken, ("$id", draftKey)).ConfigureAwait(false);
                }

                await InsertEventAsync(connection, transaction, InvoiceEvents.Issued(issued), cancellationToken).ConfigureAwait(false);

                if (credit is not null && original is not null)
                {
                    var credited = original with { Credits = [.. original.Credits, credit] };
                    await ExecuteAsync(
                        connection,
                        transaction,
                        "UPDATE accounts SET credits_json = $credits, balance = $balance, is_open = $open WHERE number = $number",
                        cancellationToken,
                        ("$credits", StoreJson.SerializeCredits(credited.Credits)),
                        ("$balance", SqliteText.Amount(credited.Balance)),
                        ("$open", credited.IsOpen ? 1 : 0),
                        ("$number", credited.Number)).ConfigureAwait(false);
                    await InsertEventAsync(connection, transaction, InvoiceEvents.Credited(credited, credit, issued.IssuedAt), cancellationToken).ConfigureAwait(false);
                }

                // What the next issue will most likely find; checked again in its transaction, so a rollback is harmless.
                _chainHead = issued.Hash;
                _lastSequences[counterKey] = sequence;
                return issued;
            },
            cancellationToken);
    }

    /// <summary>
    /// A UNIQUE or PRIMARY KEY constraint failed, told by SQLite's result codes (19 SQLITE_CONSTRAINT, extended 2067
    /// SQLITE_CONSTRAINT_UNIQUE or 1555 SQLITE_CONSTRAINT_PRIMARYKEY), never by its message text, which may change.
    /// </summary>
    /// <summary>An in-memory database (<c>:memory:</c>, <c>Mode=Memory</c> or a <c>file::memory:</c> URI) would lose issued numbers.</summary>
    private static bool IsInMemory(SqliteConnectionStringBuilder builder) =>
        builder.Mode == SqliteOpenMode.Memory
        || builder.DataSource.Trim() == ":memory:"
        || builder.DataSource.StartsWith("file::memory:", StringComparison.OrdinalIgnoreCase)
        || (builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && builder.DataSource.Contains("mode=memory", StringComparison.OrdinalIgnoreCase));

    private static bool IsUniqueViolation(SqliteException exception) =>
        exception.SqliteErrorCode == SqliteConstraint && exception.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;

    /// <summary>
    /// Whether another issued document holds the number, read in the failed write's transaction (SQLite undid the
    /// failed statement only): the codes do not say which unique constraint failed.
    /// </summary>
    private async Task<bool> NumberHeldByAnotherAsync(SqliteConnection connection, SqliteTransaction transaction, IssuedInvoice issued, CancellationToken cancellationToken) =>
        await ScalarAsync<long?>(connection, transaction, "SELECT 1 FROM issued_documents WHERE number = $number AND hash <> $hash", cancellationToken, ("$number", issued.Number), ("$hash", issued.Hash)).ConfigureAwait(false) is not null;

    public Task<IssuedInvoice?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        return ReadAsync("GetAsync", async connection =>
        {
            var json = await ScalarAsync<string>(connection, null, "SELECT document_json FROM issued_documents WHERE number = $number", cancellationToken, ("$number", number)).ConfigureAwait(false);
            return json is null ? null : InvoiceJson.DeserializeIssued(json);
        }, cancellationToken);
    }

    public Task<InvoiceAccount?> GetAccountAsync(string number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        return ReadAsync("GetAccountAsync", connection => ReadAccountAsync(connection, null, number, cancellationToken), cancellationToken);
    }

    public async IAsyncEnumerable<InvoiceAccount> QueryAsync(InvoiceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ThrowIfDisposed();
        const string operation = "QueryAsync";
        await EnsureMigratedAsync(operation, cancellationToken).ConfigureAwait(false);
        var sql = new StringBuilder($"SELECT {AccountColumns} FROM accounts a JOIN issued_documents d ON d.number = a.number WHERE 1 = 1");
        var parameters = new List<(string, object)>();
        if (query.OpenOnly)
        {
            sql.Append(" AND a.is_open = 1");
        }

        if (query.DueOnOrBefore is { } due)
        {
            sql.Append(" AND a.due_date <= $due");
            parameters.Add(("$due", SqliteText.Date(due)));
        }

        if (query.CustomerKey is { } customer)
        {
            sql.Append(" AND a.customer_key = $customer");
            parameters.Add(("$customer", customer));
        }

        if (query.IssuedOnOrAfter is { } from)
        {
            sql.Append(" AND a.issue_date >= $from");
            parameters.Add(("$from", SqliteText.Date(from)));
        }

        if (query.IssuedOnOrBefore is { } to)
        {
            sql.Append(" AND a.issue_date <= $to");
            parameters.Add(("$to", SqliteText.Date(to)));
        }

        sql.Append(" ORDER BY a.due_date, a.number");

        SqliteConnection? connection = null;
        SqliteCommand? command = null;
        SqliteDataReader? reader = null;
        try
        {
            try
            {
                connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
                command = Command(connection, null, sql.ToString(), [.. parameters]);
                reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsStoreFailure(exception))
            {
                throw Wrap(operation, exception);
            }

            while (true)
            {
                InvoiceAccount account;
                try
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    account = ReadAccount(reader);
                }
                catch (Exception exception) when (IsStoreFailure(exception))
                {
                    throw Wrap(operation, exception);
                }

                yield return account;
            }
        }
        finally
        {
            if (reader is not null)
            {
                await reader.DisposeAsync().ConfigureAwait(false);
            }

            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }

            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public Task<InvoiceAccount> RecordPaymentAsync(Payment payment, CancellationToken cancellationToken = default)
    {
        InvoiceLifecycle.CheckPaymentShape(payment);
        return WriteAsync("RecordPaymentAsync", async (connection, transaction) =>
        {
            var duplicate = await ScalarAsync<long?>(connection, transaction, "SELECT 1 FROM payments WHERE id = $id", cancellationToken, ("$id", payment.Id.ToString("D"))).ConfigureAwait(false) is not null;
            var account = await ReadAccountAsync(connection, transaction, payment.InvoiceNumber, cancellationToken).ConfigureAwait(false);
            InvoiceLifecycle.CheckPayment(payment, account, duplicate);
            var paid = account! with { Payments = [.. account.Payments, payment] };
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO payments (id, invoice_number, value_date, amount, method, reference) VALUES ($id, $number, $date, $amount, $method, $reference)",
                cancellationToken,
                ("$id", payment.Id.ToString("D")),
                ("$number", paid.Number),
                ("$date", SqliteText.Date(payment.Date)),
                ("$amount", SqliteText.Amount(payment.Amount)),
                ("$method", payment.Method.ToString()),
                ("$reference", (object?)payment.Reference ?? DBNull.Value)).ConfigureAwait(false);
            await ExecuteAsync(
                connection,
                transaction,
                "UPDATE accounts SET payments_json = $payments, balance = $balance, is_open = $open WHERE number = $number",
                cancellationToken,
                ("$payments", StoreJson.SerializePayments(paid.Payments)),
                ("$balance", SqliteText.Amount(paid.Balance)),
                ("$open", paid.IsOpen ? 1 : 0),
                ("$number", paid.Number)).ConfigureAwait(false);
            await InsertEventAsync(connection, transaction, InvoiceEvents.Paid(paid, payment, _clock.GetCurrentInstant()), cancellationToken).ConfigureAwait(false);
            return paid;
        }, cancellationToken);
    }

    public Task<InvoiceAccount> WriteOffAsync(WriteOff writeOff, CancellationToken cancellationToken = default)
    {
        InvoiceLifecycle.CheckWriteOffShape(writeOff);
        return WriteAsync("WriteOffAsync", async (connection, transaction) =>
        {
            var account = await ReadAccountAsync(connection, transaction, writeOff.InvoiceNumber, cancellationToken).ConfigureAwait(false);
            var applied = InvoiceLifecycle.CheckWriteOff(writeOff, account);
            var closed = account! with { WriteOff = applied };
            await ExecuteAsync(
                connection,
                transaction,
                "UPDATE accounts SET write_off_json = $writeOff, balance = $balance, is_open = $open WHERE number = $number",
                cancellationToken,
                ("$writeOff", StoreJson.SerializeWriteOff(closed.WriteOff!)),
                ("$balance", SqliteText.Amount(closed.Balance)),
                ("$open", closed.IsOpen ? 1 : 0),
                ("$number", closed.Number)).ConfigureAwait(false);
            await InsertEventAsync(connection, transaction, InvoiceEvents.WrittenOff(closed, _clock.GetCurrentInstant()), cancellationToken).ConfigureAwait(false);
            return closed;
        }, cancellationToken);
    }

    public Task<ArchiveVerification> VerifyArchiveAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("VerifyArchiveAsync", connection => SqliteArchive.VerifyAsync(connection, cancellationToken), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await DropWriterAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }

        using var pooled = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(pooled);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<T> WriteAsync<T>(string operation, Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken, Action<IReadOnlyList<int>>? migrated, Action? beforeBegin = null)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            var connection = _writer ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!_migrated || migrated is not null)
            {
                var applied = await SqliteMigrator.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
                _migrated = true;
                migrated?.Invoke(applied);
            }

            beforeBegin?.Invoke();
            var transaction = connection.BeginTransaction(deferred: false);
            await using var transactionScope = transaction.ConfigureAwait(false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            return result;
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            await DropWriterAsync().ConfigureAwait(false);
            throw Wrap(operation, exception);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    internal Task<T> WriteAsync<T>(string operation, Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(operation, work, cancellationToken, migrated: null);

    private Task<T> WriteAsync<T>(string operation, Action beforeBegin, Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(operation, work, cancellationToken, migrated: null, beforeBegin);

    internal async Task<T> ReadAsync<T>(string operation, Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        await EnsureMigratedAsync(operation, cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionScope = connection.ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            throw Wrap(operation, exception);
        }
    }

    private async Task EnsureMigratedAsync(string operation, CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await WriteAsync(operation, (_, _) => Task.FromResult(0), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var pragmas = Command(connection, null, _pragmas);
            await using var pragmasScope = pragmas.ConfigureAwait(false);
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            var wal = Command(connection, null, "PRAGMA journal_mode = WAL");
            await using var walScope = wal.ConfigureAwait(false);
            await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task DropWriterAsync()
    {
        _chainHead = null;
        _lastSequences.Clear();
        await DisposePreparedAsync().ConfigureAwait(false);
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            _writer = null;
        }
    }

    internal async Task<InvoiceAccount?> ReadAccountAsync(SqliteConnection connection, SqliteTransaction? transaction, string number, CancellationToken cancellationToken)
    {
        var command = Rent(
            connection,
            transaction,
            $"SELECT {AccountColumns} FROM accounts a JOIN issued_documents d ON d.number = a.number WHERE a.number = $number",
            [("$number", number)],
            out var owned);
        try
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadAccount(reader) : null;
        }
        finally
        {
            await ReturnAsync(command, owned).ConfigureAwait(false);
        }
    }

    internal static InvoiceAccount ReadAccount(SqliteDataReader reader) => new()
    {
        Invoice = InvoiceJson.DeserializeIssued(reader.GetString(0)),
        Payments = StoreJson.DeserializePayments(reader.GetString(1)),
        Credits = StoreJson.DeserializeCredits(reader.GetString(2)),
        WriteOff = StoreJson.DeserializeWriteOff(reader.IsDBNull(3) ? null : reader.GetString(3)),
    };

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>
    /// A command for <paramref name="sql"/>: on the write connection, one prepared command per SQL text is kept and
    /// reused (SQLite compiles it once); on other connections a new command the caller disposes.
    /// </summary>
    private SqliteCommand Rent(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters, out bool owned)
    {
        if (!ReferenceEquals(connection, _writer))
        {
            owned = true;
            return Command(connection, transaction, sql, parameters);
        }

        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _prepared.Add(sql, command);
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        owned = false;
        return command;
    }

    private static ValueTask ReturnAsync(SqliteCommand command, bool owned) => owned ? command.DisposeAsync() : ValueTask.CompletedTask;

    internal async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Rent(connection, transaction, sql, parameters, out var owned);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ReturnAsync(command, owned).ConfigureAwait(false);
        }
    }

    internal async Task<T?> ScalarAsync<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Rent(connection, transaction, sql, parameters, out var owned);
        try
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
        }
        finally
        {
            await ReturnAsync(command, owned).ConfigureAwait(false);
        }
    }

    internal static bool IsStoreFailure(Exception exception) =>
        exception is SqliteException or InvoiceFormatException or IOException or InvalidOperationException and not ObjectDisposedException;

    internal static InvoiceStoreException Wrap(string operation, Exception exception) =>
        new(operation, exception switch
        {
            InvoiceFormatException => "a stored document cannot be read: " + exception.Message,
            _ => exception.Message,
        }, exception);

    private async Task DisposePreparedAsync()
    {
        foreach (var command in _prepared.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _prepared.Clear();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
