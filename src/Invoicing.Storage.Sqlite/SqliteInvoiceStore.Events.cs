using Invoicing.Core;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Invoicing.Storage.Sqlite;

/// <summary>
/// The SQLite store's outbox (<c>invoice_events</c>) and handler cursors. Events of a change are inserted by the change's
/// own <c>BEGIN IMMEDIATE</c> transaction, and SQLite admits one writer at a time, so positions increase in commit order.
/// </summary>
internal sealed partial class SqliteInvoiceStore
{
    private const string EventColumns = "position, id, kind, invoice_number, customer_key, currency, amount, occurred_at, data_json";

    private const string InsertEventSql = """
        INSERT INTO invoice_events (id, kind, invoice_number, customer_key, currency, amount, occurred_at, data_json)
        VALUES ($id, $kind, $number, $customer, $currency, $amount, $at, $data) RETURNING position
        """;

    /// <summary>The clock that dates events whose change carries no instant (payments, write-offs, disputes, overdue scans).</summary>
    internal NodaTime.IClock Clock => _clock;

    public Task<IReadOnlyList<InvoiceEvent>> ReadEventsAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckRead(afterPosition, maxCount);
        return ReadAsync<IReadOnlyList<InvoiceEvent>>("ReadEventsAsync", async connection =>
        {
            var command = Command(connection, null, $"SELECT {EventColumns} FROM invoice_events WHERE position > $after ORDER BY position LIMIT $max", ("$after", afterPosition), ("$max", maxCount));
            await using var commandScope = command.ConfigureAwait(false);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            var events = new List<InvoiceEvent>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(ReadEvent(reader));
            }

            return events;
        }, cancellationToken);
    }

    public Task<InvoiceEvent> RecordSentAsync(string invoiceNumber, Instant sentAt, string? channel = null, CancellationToken cancellationToken = default) =>
        RecordNoticeAsync("RecordSentAsync", invoiceNumber, channel, nameof(channel), issued => InvoiceEvents.Sent(issued, sentAt, channel), cancellationToken);

    public Task<InvoiceEvent> RecordViewedAsync(string invoiceNumber, Instant viewedAt, string? source = null, CancellationToken cancellationToken = default) =>
        RecordNoticeAsync("RecordViewedAsync", invoiceNumber, source, nameof(source), issued => InvoiceEvents.Viewed(issued, viewedAt, source), cancellationToken);

    public Task<int> RecordOverdueAsync(LocalDate today, CancellationToken cancellationToken = default) =>
        WriteAsync("RecordOverdueAsync", async (connection, transaction) =>
        {
            var overdue = new List<InvoiceAccount>();
            var select = Command(
                connection,
                transaction,
                $"""
                SELECT {AccountColumns} FROM accounts a JOIN issued_documents d ON d.number = a.number
                WHERE a.is_open = 1 AND a.due_date < $today
                  AND NOT EXISTS (SELECT 1 FROM invoice_events e WHERE e.invoice_number = a.number AND e.kind = 'overdue')
                ORDER BY a.due_date, a.number
                """,
                ("$today", SqliteText.Date(today)));
            await using (select.ConfigureAwait(false))
            {
                var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using var readerScope = reader.ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    overdue.Add(ReadAccount(reader));
                }
            }

            var now = _clock.GetCurrentInstant();
            foreach (var account in overdue)
            {
                await InsertEventAsync(connection, transaction, InvoiceEvents.Overdue(account, now), cancellationToken).ConfigureAwait(false);
            }

            return overdue.Count;
        }, cancellationToken);

    public Task<InvoiceEvent?> RecordPlatformStatusAsync(string invoiceNumber, PlatformStatusNotice notice, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckPlatformStatus(invoiceNumber, notice);
        return WriteAsync("RecordPlatformStatusAsync", async (connection, transaction) =>
        {
            var json = await ScalarAsync<string>(connection, transaction, "SELECT document_json FROM issued_documents WHERE number = $number", cancellationToken, ("$number", invoiceNumber)).ConfigureAwait(false)
                ?? throw InvoiceEvents.UnknownInvoice(invoiceNumber);

            // The write transaction serialises writers, so a repeat of the same status is seen here and not inserted.
            if (await ScalarAsync<long?>(connection, transaction, "SELECT position FROM invoice_events WHERE id = $id", cancellationToken, ("$id", notice.Id.ToString("D"))).ConfigureAwait(false) is not null)
            {
                return null;
            }

            return (InvoiceEvent?)await InsertEventAsync(connection, transaction, InvoiceEvents.PlatformStatus(InvoiceJson.DeserializeIssued(json), notice), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<long?> TryLeaseCursorAsync(string handlerName, string workerId, Instant now, Instant leaseUntil, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckCursorArguments(handlerName, workerId);
        return WriteAsync("TryLeaseCursorAsync", async (connection, transaction) =>
        {
            await ExecuteAsync(connection, transaction, "INSERT OR IGNORE INTO invoice_event_cursors (handler_name, position, worker_id, lease_until) VALUES ($handler, 0, NULL, 0)", cancellationToken, ("$handler", handlerName)).ConfigureAwait(false);
            var leased = await ExecuteAsync(
                connection,
                transaction,
                "UPDATE invoice_event_cursors SET worker_id = $worker, lease_until = $until WHERE handler_name = $handler AND (worker_id IS NULL OR worker_id = $worker OR lease_until <= $now)",
                cancellationToken,
                ("$handler", handlerName),
                ("$worker", workerId),
                ("$until", Nanos(leaseUntil)),
                ("$now", Nanos(now))).ConfigureAwait(false);
            return leased == 0
                ? null
                : await ScalarAsync<long?>(connection, transaction, "SELECT position FROM invoice_event_cursors WHERE handler_name = $handler", cancellationToken, ("$handler", handlerName)).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<bool> AdvanceCursorAsync(string handlerName, string workerId, long position, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckCursorArguments(handlerName, workerId);
        return WriteAsync("AdvanceCursorAsync", async (connection, transaction) =>
            await ExecuteAsync(
                connection,
                transaction,
                "UPDATE invoice_event_cursors SET position = max(position, $position) WHERE handler_name = $handler AND worker_id = $worker",
                cancellationToken,
                ("$handler", handlerName),
                ("$worker", workerId),
                ("$position", position)).ConfigureAwait(false) > 0,
            cancellationToken);
    }

    public Task ReleaseCursorAsync(string handlerName, string workerId, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckCursorArguments(handlerName, workerId);
        return WriteAsync("ReleaseCursorAsync", (connection, transaction) =>
            ExecuteAsync(connection, transaction, "UPDATE invoice_event_cursors SET worker_id = NULL WHERE handler_name = $handler AND worker_id = $worker", cancellationToken, ("$handler", handlerName), ("$worker", workerId)),
            cancellationToken);
    }

    public Task<long> GetCursorAsync(string handlerName, CancellationToken cancellationToken = default)
    {
        InvoiceEvents.CheckCursorArguments(handlerName, workerId: null);
        return ReadAsync("GetCursorAsync", async connection =>
            await ScalarAsync<long?>(connection, null, "SELECT position FROM invoice_event_cursors WHERE handler_name = $handler", cancellationToken, ("$handler", handlerName)).ConfigureAwait(false) ?? 0,
            cancellationToken);
    }

    /// <summary>Inserts an event in the caller's transaction and returns it with its position.</summary>
    internal async Task<InvoiceEvent> InsertEventAsync(SqliteConnection connection, SqliteTransaction transaction, InvoiceEvent invoiceEvent, CancellationToken cancellationToken)
    {
        var position = await ScalarAsync<long>(
            connection,
            transaction,
            InsertEventSql,
            cancellationToken,
            ("$id", invoiceEvent.Id.ToString("D")),
            ("$kind", InvoiceEventKinds.Name(invoiceEvent.Kind)),
            ("$number", invoiceEvent.InvoiceNumber),
            ("$customer", invoiceEvent.CustomerKey),
            ("$currency", invoiceEvent.Currency.Code),
            ("$amount", invoiceEvent.Amount is { } amount ? SqliteText.Amount(amount) : null),
            ("$at", Nanos(invoiceEvent.OccurredAt)),
            ("$data", InvoiceEventJson.SerializeData(invoiceEvent.Data))).ConfigureAwait(false);
        return invoiceEvent with { Position = position };
    }

    /// <summary>
    /// Inserts an event about an invoice known only by its number (a reminder, a dispute), taking its customer and
    /// currency from its account; inserts nothing when the store holds no such invoice.
    /// </summary>
    internal Task<int> InsertEventForNumberAsync(SqliteConnection connection, SqliteTransaction transaction, InvoiceEventKind kind, string invoiceNumber, Instant at, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO invoice_events (id, kind, invoice_number, customer_key, currency, amount, occurred_at, data_json)
            SELECT $id, $kind, a.number, a.customer_key, a.currency, NULL, $at, $data FROM accounts a WHERE a.number = $number
            """,
            cancellationToken,
            ("$id", Guid.NewGuid().ToString("D")),
            ("$kind", InvoiceEventKinds.Name(kind)),
            ("$number", invoiceNumber),
            ("$at", Nanos(at)),
            ("$data", InvoiceEventJson.SerializeData(data)));

    private Task<InvoiceEvent> RecordNoticeAsync(string operation, string invoiceNumber, string? detail, string detailField, Func<IssuedInvoice, InvoiceEvent> create, CancellationToken cancellationToken)
    {
        InvoiceEvents.CheckNotice(invoiceNumber, detail, detailField);
        return WriteAsync(operation, async (connection, transaction) =>
        {
            var json = await ScalarAsync<string>(connection, transaction, "SELECT document_json FROM issued_documents WHERE number = $number", cancellationToken, ("$number", invoiceNumber)).ConfigureAwait(false)
                ?? throw InvoiceEvents.UnknownInvoice(invoiceNumber);
            return await InsertEventAsync(connection, transaction, create(InvoiceJson.DeserializeIssued(json)), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private static InvoiceEvent ReadEvent(SqliteDataReader reader) => new()
    {
        Position = reader.GetInt64(0),
        Id = Guid.Parse(reader.GetString(1)),
        Kind = InvoiceEventKinds.Parse(reader.GetString(2)),
        InvoiceNumber = reader.GetString(3),
        CustomerKey = reader.GetString(4),
        Currency = Currency.FromCode(reader.GetString(5)),
        Amount = reader.IsDBNull(6) ? null : SqliteText.Amount(reader.GetString(6)),
        OccurredAt = Instant.FromUnixTimeTicks(reader.GetInt64(7) / 100),
        Data = InvoiceEventJson.DeserializeData(reader.GetString(8)),
    };

    private static long Nanos(Instant instant) => instant.ToUnixTimeTicks() * 100;
}
