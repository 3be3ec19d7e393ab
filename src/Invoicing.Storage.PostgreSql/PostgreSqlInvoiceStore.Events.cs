using Invoicing.Core;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Invoicing.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL store's outbox (<c>invoice_events</c>) and handler cursors. Positions are given under the lock of the
/// <c>event_head</c> row (migration 0005), so they are committed in increasing order; a cursor's lease is one conditional
/// upsert, so of several host instances one at a time delivers to a given handler.
/// </summary>
internal sealed partial class PostgreSqlInvoiceStore
{
    private const string EventColumns = "position, id, kind, invoice_number, customer_key, currency, amount, occurred_at, data";

    public Task<IReadOnlyList<InvoiceEvent>> ReadEventsAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckRead(afterPosition, maxCount);
        return RunAsync<IReadOnlyList<InvoiceEvent>>(nameof(ReadEventsAsync), async connection =>
        {
            var command = new NpgsqlCommand($"SELECT {EventColumns} FROM invoice_events WHERE position > $1 ORDER BY position LIMIT $2", connection);
            await using var commandScope = command.ConfigureAwait(false);
            command.Parameters.Add(new NpgsqlParameter { Value = afterPosition });
            command.Parameters.Add(new NpgsqlParameter { Value = maxCount });
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            var events = new List<InvoiceEvent>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(new InvoiceEvent
                {
                    Position = reader.GetInt64(0),
                    Id = reader.GetGuid(1),
                    Kind = InvoiceEventKinds.Parse(reader.GetString(2)),
                    InvoiceNumber = reader.GetString(3),
                    CustomerKey = reader.GetString(4),
                    Currency = Currency.FromCode(reader.GetString(5)),
                    Amount = reader.IsDBNull(6) ? null : reader.GetDecimal(6),
                    OccurredAt = Instant.FromUnixTimeTicks(reader.GetInt64(7)),
                    Data = InvoiceEventJson.DeserializeData(reader.GetString(8)),
                });
            }

            return events;
        }, cancellationToken);
    }

    public Task<InvoiceEvent> RecordSentAsync(string invoiceNumber, Instant sentAt, string? channel = null, CancellationToken cancellationToken = default) =>
        RecordNoticeAsync(nameof(RecordSentAsync), invoiceNumber, channel, nameof(channel), issued => InvoiceEvents.Sent(issued, sentAt, channel), cancellationToken);

    public Task<InvoiceEvent> RecordViewedAsync(string invoiceNumber, Instant viewedAt, string? source = null, CancellationToken cancellationToken = default) =>
        RecordNoticeAsync(nameof(RecordViewedAsync), invoiceNumber, source, nameof(source), issued => InvoiceEvents.Viewed(issued, viewedAt, source), cancellationToken);

    public Task<int> RecordOverdueAsync(LocalDate today, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(RecordOverdueAsync), async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);

            // The event head first: concurrent scans queue here, and each then sees the overdue events of the one before.
            var overdue = new List<InvoiceAccount>();
            var batch = new NpgsqlBatch(connection, transaction);
            await using (batch.ConfigureAwait(false))
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT position FROM event_head WHERE id = 1 FOR UPDATE"));
                batch.BatchCommands.Add(Command(
                    $"""
                    SELECT {AccountColumns} FROM accounts a JOIN issued i ON i.number = a.number
                    WHERE a.is_open AND a.due_date < $1
                      AND NOT EXISTS (SELECT 1 FROM invoice_events e WHERE e.invoice_number = a.number AND e.kind = 'overdue')
                    ORDER BY a.due_date, a.number
                    """,
                    today.ToDateOnly()));
                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using var readerScope = reader.ConfigureAwait(false);
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    overdue.Add(ReadAccount(reader));
                }
            }

            if (overdue.Count > 0)
            {
                var now = _database.Clock.GetCurrentInstant();
                var writes = new NpgsqlBatch(connection, transaction);
                await using (writes.ConfigureAwait(false))
                {
                    foreach (var account in overdue)
                    {
                        writes.BatchCommands.Add(PostgreSqlEventCommands.Record(InvoiceEvents.Overdue(account, now)));
                    }

                    await writes.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return overdue.Count;
        }, cancellationToken);

    public Task<long?> TryLeaseCursorAsync(string handlerName, string workerId, Instant now, Instant leaseUntil, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckCursorArguments(handlerName, workerId);
        return RunAsync(nameof(TryLeaseCursorAsync), async connection =>
        {
            // One statement: a new handler's row is inserted leased; an existing one is taken only when free, expired or ours.
            var command = new NpgsqlCommand(
                """
                INSERT INTO invoice_event_cursors AS c (handler_name, position, worker_id, lease_until) VALUES ($1, 0, $2, $3)
                ON CONFLICT (handler_name) DO UPDATE SET worker_id = EXCLUDED.worker_id, lease_until = EXCLUDED.lease_until
                WHERE c.worker_id IS NULL OR c.worker_id = EXCLUDED.worker_id OR c.lease_until <= $4
                RETURNING c.position
                """,
                connection);
            await using var commandScope = command.ConfigureAwait(false);
            command.Parameters.Add(new NpgsqlParameter { Value = handlerName, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = workerId, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = leaseUntil.ToUnixTimeTicks() });
            command.Parameters.Add(new NpgsqlParameter { Value = now.ToUnixTimeTicks() });
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long position ? position : (long?)null;
        }, cancellationToken);
    }

    public async Task<bool> AdvanceCursorAsync(string handlerName, string workerId, long position, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckCursorArguments(handlerName, workerId);
        return await UpdateLeasedCursorAsync(nameof(AdvanceCursorAsync), "position = greatest(position, $3)", handlerName, workerId, position, cancellationToken).ConfigureAwait(false) > 0;
    }

    public Task ReleaseCursorAsync(string handlerName, string workerId, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckCursorArguments(handlerName, workerId);
        return UpdateLeasedCursorAsync(nameof(ReleaseCursorAsync), "worker_id = NULL", handlerName, workerId, null, cancellationToken);
    }

    public Task<long> GetCursorAsync(string handlerName, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckCursorArguments(handlerName, workerId: null);
        return RunAsync(nameof(GetCursorAsync), async connection =>
        {
            var command = new NpgsqlCommand("SELECT position FROM invoice_event_cursors WHERE handler_name = $1", connection);
            await using var commandScope = command.ConfigureAwait(false);
            command.Parameters.Add(new NpgsqlParameter { Value = handlerName, NpgsqlDbType = NpgsqlDbType.Text });
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long position ? position : 0L;
        }, cancellationToken);
    }

    /// <summary>Updates a handler's cursor row only while <paramref name="workerId"/> holds its lease; returns the rows changed (0 or 1).</summary>
    private Task<int> UpdateLeasedCursorAsync(string operation, string set, string handlerName, string workerId, long? position, CancellationToken cancellationToken) =>
        RunAsync(operation, async connection =>
        {
            var command = new NpgsqlCommand($"UPDATE invoice_event_cursors SET {set} WHERE handler_name = $1 AND worker_id = $2", connection);
            await using var commandScope = command.ConfigureAwait(false);
            command.Parameters.Add(new NpgsqlParameter { Value = handlerName, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = workerId, NpgsqlDbType = NpgsqlDbType.Text });
            if (position is { } value)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private static NpgsqlBatchCommand RecordEventCommand(InvoiceEvent invoiceEvent) => PostgreSqlEventCommands.Record(invoiceEvent);

    public Task<InvoiceEvent?> RecordPlatformStatusAsync(string invoiceNumber, PlatformStatusNotice notice, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckPlatformStatus(invoiceNumber, notice);
        return RunAsync(nameof(RecordPlatformStatusAsync), async connection =>
        {
            var invoice = await ReadIssuedForEventAsync(connection, invoiceNumber, cancellationToken).ConfigureAwait(false);
            var invoiceEvent = InvoiceEvents.PlatformStatus(invoice, notice);
            var batch = new NpgsqlBatch(connection);
            await using (batch.ConfigureAwait(false))
            {
                // A repeat of the same status finds its event and records nothing; two at once meet on the id's unique index.
                var record = PostgreSqlEventCommands.Record(invoiceEvent);
                record.CommandText += " WHERE NOT EXISTS (SELECT 1 FROM invoice_events WHERE id = $1)";
                batch.BatchCommands.Add(record);
                try
                {
                    return await batch.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long position ? invoiceEvent with { Position = position } : null;
                }
                catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation && exception.ConstraintName == "invoice_events_id_key")
                {
                    return null;
                }
            }
        }, cancellationToken);
    }

    private Task<InvoiceEvent> RecordNoticeAsync(string operation, string invoiceNumber, string? detail, string detailField, Func<IssuedInvoice, InvoiceEvent> create, CancellationToken cancellationToken)
    {
        InvoiceEvents.CheckNotice(invoiceNumber, detail, detailField);
        return RunAsync(operation, async connection =>
        {
            var invoiceEvent = create(await ReadIssuedForEventAsync(connection, invoiceNumber, cancellationToken).ConfigureAwait(false));
            var batch = new NpgsqlBatch(connection);
            await using (batch.ConfigureAwait(false))
            {
                batch.BatchCommands.Add(PostgreSqlEventCommands.Record(invoiceEvent));
                var position = (long)(await batch.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                return invoiceEvent with { Position = position };
            }
        }, cancellationToken);
    }

    /// <summary>The issued document an event is about; it never changes or goes away, so it needs no lock until the insert.</summary>
    private static async Task<IssuedInvoice> ReadIssuedForEventAsync(NpgsqlConnection connection, string invoiceNumber, CancellationToken cancellationToken)
    {
        var read = new NpgsqlCommand("SELECT document FROM issued WHERE number = $1", connection);
        await using (read.ConfigureAwait(false))
        {
            read.Parameters.Add(new NpgsqlParameter { Value = invoiceNumber, NpgsqlDbType = NpgsqlDbType.Text });
            var json = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            return InvoiceJson.DeserializeIssued(json ?? throw InvoiceEvents.UnknownInvoice(invoiceNumber));
        }
    }
}
