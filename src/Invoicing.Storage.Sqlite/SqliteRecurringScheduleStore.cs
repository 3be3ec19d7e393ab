using System.Runtime.CompilerServices;
using Invoicing.Core;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Invoicing.Storage.Sqlite;

/// <summary>
/// Recurring schedules and their occurrence ledger in the store's SQLite file, sharing its write connection. A claim is
/// one <c>BEGIN IMMEDIATE</c> transaction: check the schedule is billed through the expected day and running, insert
/// the ledger rows and the draft, move the schedule on. SQLite admits one writer at a time, so of several workers
/// (threads or processes) claiming the same periods one succeeds and the others find the schedule moved on.
/// </summary>
internal sealed class SqliteRecurringScheduleStore(SqliteInvoiceStore store) : IRecurringScheduleStore
{
    private const string StateColumns = "definition_json, paused_at, bill_from, billed_through, next_due_at";
    private const string OccurrenceColumns = "schedule_id, period_start, period_end, draft_id, state, worker_id, lease_expires_at, claimed_at, attempts, issued_at, invoice_number";

    public Task SaveAsync(RecurringSchedule schedule, CancellationToken cancellationToken = default)
    {
        RecurringRules.CheckSchedule(schedule);
        var json = RecurringScheduleJson.Serialize(schedule);
        return store.WriteAsync("SaveAsync", async (connection, transaction) =>
        {
            var existing = await ReadStateAsync(connection, transaction, schedule.Id, cancellationToken).ConfigureAwait(false);
            var next = RecurringRules.NextDueAt(schedule, existing?.BilledThrough, existing?.BillFrom);
            return await ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO recurring_schedules (id, customer_key, definition_json, next_due_at) VALUES ($id, $customer, $json, $next)
                ON CONFLICT (id) DO UPDATE SET customer_key = excluded.customer_key, definition_json = excluded.definition_json, next_due_at = excluded.next_due_at
                """,
                cancellationToken,
                ("$id", schedule.Id),
                ("$customer", schedule.CustomerKey),
                ("$json", json),
                ("$next", Ticks(next))).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<RecurringScheduleState?> GetAsync(string scheduleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduleId);
        return store.ReadAsync("GetAsync", connection => ReadStateAsync(connection, null, scheduleId, cancellationToken), cancellationToken);
    }

    public IAsyncEnumerable<RecurringScheduleState> ListAsync(CancellationToken cancellationToken = default) =>
        StreamStatesAsync("ListAsync", "ORDER BY id", [], cancellationToken);

    public IAsyncEnumerable<RecurringScheduleState> ListDueAsync(Instant now, CancellationToken cancellationToken = default) =>
        StreamStatesAsync("ListDueAsync", "WHERE paused_at IS NULL AND next_due_at IS NOT NULL AND next_due_at <= $now ORDER BY next_due_at, id", [("$now", now.ToUnixTimeTicks())], cancellationToken);

    public Task<bool> PauseAsync(string scheduleId, Instant pausedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduleId);
        return store.WriteAsync("PauseAsync", async (connection, transaction) =>
            await ExecuteAsync(connection, transaction, "UPDATE recurring_schedules SET paused_at = coalesce(paused_at, $at) WHERE id = $id", cancellationToken, ("$id", scheduleId), ("$at", pausedAt.ToUnixTimeTicks())).ConfigureAwait(false) == 1,
            cancellationToken);
    }

    public Task<bool> ResumeAsync(string scheduleId, LocalDate? billFrom = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduleId);
        return store.WriteAsync("ResumeAsync", async (connection, transaction) =>
        {
            if (await ReadStateAsync(connection, transaction, scheduleId, cancellationToken).ConfigureAwait(false) is not { } state)
            {
                return false;
            }

            var from = billFrom ?? state.BillFrom;
            await ExecuteAsync(
                connection,
                transaction,
                "UPDATE recurring_schedules SET paused_at = NULL, bill_from = $from, next_due_at = $next WHERE id = $id",
                cancellationToken,
                ("$id", scheduleId),
                ("$from", Date(from)),
                ("$next", Ticks(RecurringRules.NextDueAt(state.Schedule, state.BilledThrough, from)))).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public Task<bool> TryClaimAsync(OccurrenceClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        InvoiceLifecycle.CheckDraft(request.Draft);
        var json = InvoiceJson.Serialize(request.Draft);
        return store.WriteAsync("TryClaimAsync", async (connection, transaction) =>
        {
            // Compare and set: the schedule moves on only from the day the worker planned from.
            var moved = await ExecuteAsync(
                connection,
                transaction,
                "UPDATE recurring_schedules SET billed_through = $through, next_due_at = $next WHERE id = $id AND paused_at IS NULL AND billed_through IS $expected",
                cancellationToken,
                ("$id", request.ScheduleId),
                ("$through", SqliteText.Date(request.Periods[^1].End)),
                ("$next", Ticks(request.NextDueAt)),
                ("$expected", Date(request.ExpectedBilledThrough))).ConfigureAwait(false);
            if (moved != 1)
            {
                return false;
            }

            await ExecuteAsync(connection, transaction, "INSERT INTO drafts (id, document_json) VALUES ($id, $json)", cancellationToken, ("$id", request.DraftId.ToString()), ("$json", json)).ConfigureAwait(false);
            foreach (var period in request.Periods)
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    $"INSERT INTO recurring_occurrences ({OccurrenceColumns}) VALUES ($schedule, $start, $end, $draft, 'Claimed', $worker, $lease, $now, 1, NULL, NULL)",
                    cancellationToken,
                    ("$schedule", request.ScheduleId),
                    ("$start", SqliteText.Date(period.Start)),
                    ("$end", SqliteText.Date(period.End)),
                    ("$draft", request.DraftId.ToString()),
                    ("$worker", request.WorkerId),
                    ("$lease", request.LeaseExpiresAt.ToUnixTimeTicks()),
                    ("$now", request.Now.ToUnixTimeTicks())).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken);
    }

    public Task<OccurrenceTakeOverOutcome> TryTakeOverAsync(OccurrenceTakeOverRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        InvoiceLifecycle.CheckDraft(request.Draft);
        var json = InvoiceJson.Serialize(request.Draft);
        var draftId = request.DraftId.ToString();
        return store.WriteAsync("TryTakeOverAsync", async (connection, transaction) =>
        {
            var rows = await ReadOccurrencesAsync(connection, transaction, "WHERE draft_id = $draft", [("$draft", draftId)], cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return OccurrenceTakeOverOutcome.Unknown;
            }

            if (rows[0].State == OccurrenceState.Issued)
            {
                return OccurrenceTakeOverOutcome.AlreadyIssued;
            }

            if (rows[0].LeaseExpiresAt > request.Now)
            {
                return OccurrenceTakeOverOutcome.Held;
            }

            // Only an existing draft is replaced: a draft the issue deleted never comes back.
            var replaced = await ExecuteAsync(connection, transaction, "UPDATE drafts SET document_json = $json WHERE id = $draft", cancellationToken, ("$draft", draftId), ("$json", json)).ConfigureAwait(false) == 1;
            await ExecuteAsync(
                connection,
                transaction,
                replaced
                    ? "UPDATE recurring_occurrences SET worker_id = $worker, lease_expires_at = $lease, attempts = attempts + 1 WHERE draft_id = $draft"
                    : "UPDATE recurring_occurrences SET worker_id = $worker, state = 'Issued', issued_at = $now, attempts = attempts + 1 WHERE draft_id = $draft",
                cancellationToken,
                ("$draft", draftId),
                ("$worker", request.WorkerId),
                ("$lease", request.LeaseExpiresAt.ToUnixTimeTicks()),
                ("$now", request.Now.ToUnixTimeTicks())).ConfigureAwait(false);
            return replaced ? OccurrenceTakeOverOutcome.TakenOver : OccurrenceTakeOverOutcome.FoundIssued;
        }, cancellationToken);
    }

    public Task<bool> MarkIssuedAsync(DraftId draftId, string workerId, string invoiceNumber, Instant issuedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoiceNumber);
        return store.WriteAsync("MarkIssuedAsync", async (connection, transaction) =>
            await ExecuteAsync(
                connection,
                transaction,
                "UPDATE recurring_occurrences SET state = 'Issued', issued_at = $at, invoice_number = $number WHERE draft_id = $draft AND state = 'Claimed' AND worker_id = $worker",
                cancellationToken,
                ("$draft", draftId.ToString()),
                ("$worker", workerId ?? string.Empty),
                ("$at", issuedAt.ToUnixTimeTicks()),
                ("$number", invoiceNumber)).ConfigureAwait(false) > 0,
            cancellationToken);
    }

    public Task<IReadOnlyList<RecurringOccurrence>> ListOccurrencesAsync(string scheduleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduleId);
        return store.ReadAsync<IReadOnlyList<RecurringOccurrence>>(
            "ListOccurrencesAsync",
            async connection => await ReadOccurrencesAsync(connection, null, "WHERE schedule_id = $id ORDER BY period_start", [("$id", scheduleId)], cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    public async IAsyncEnumerable<RecurringOccurrence> ListUnfinishedAsync(Instant now, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Unfinished work is small; read in one go so no reader stays open across the caller's awaits.
        var rows = await store.ReadAsync(
            "ListUnfinishedAsync",
            connection => ReadOccurrencesAsync(connection, null, "WHERE state = 'Claimed' AND lease_expires_at <= $now ORDER BY claimed_at, schedule_id, period_start", [("$now", now.ToUnixTimeTicks())], cancellationToken),
            cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            yield return row;
        }
    }

    private async IAsyncEnumerable<RecurringScheduleState> StreamStatesAsync(string operation, string where, (string Name, object? Value)[] parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var states = await store.ReadAsync(operation, async connection =>
        {
            var list = new List<RecurringScheduleState>();
            var command = SqliteInvoiceStore.Command(connection, null, $"SELECT {StateColumns} FROM recurring_schedules {where}", parameters);
            await using var commandScope = command.ConfigureAwait(false);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(ReadState(reader));
            }

            return list;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var state in states)
        {
            yield return state;
        }
    }

    private static async Task<RecurringScheduleState?> ReadStateAsync(SqliteConnection connection, SqliteTransaction? transaction, string scheduleId, CancellationToken cancellationToken)
    {
        var command = SqliteInvoiceStore.Command(connection, transaction, $"SELECT {StateColumns} FROM recurring_schedules WHERE id = $id", ("$id", scheduleId));
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadState(reader) : null;
    }

    private static RecurringScheduleState ReadState(SqliteDataReader reader) => new()
    {
        Schedule = RecurringScheduleJson.Deserialize(reader.GetString(0)),
        PausedAt = reader.IsDBNull(1) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(1)),
        BillFrom = reader.IsDBNull(2) ? null : SqliteText.ParseDate(reader.GetString(2), "recurring_schedules.bill_from"),
        BilledThrough = reader.IsDBNull(3) ? null : SqliteText.ParseDate(reader.GetString(3), "recurring_schedules.billed_through"),
        NextDueAt = reader.IsDBNull(4) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(4)),
    };

    private static async Task<List<RecurringOccurrence>> ReadOccurrencesAsync(SqliteConnection connection, SqliteTransaction? transaction, string where, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var rows = new List<RecurringOccurrence>();
        var command = SqliteInvoiceStore.Command(connection, transaction, $"SELECT {OccurrenceColumns} FROM recurring_occurrences {where}", parameters);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new RecurringOccurrence
            {
                ScheduleId = reader.GetString(0),
                PeriodStart = SqliteText.ParseDate(reader.GetString(1), "recurring_occurrences.period_start"),
                PeriodEnd = SqliteText.ParseDate(reader.GetString(2), "recurring_occurrences.period_end"),
                DraftId = new DraftId(Guid.ParseExact(reader.GetString(3), "N")),
                State = Enum.Parse<OccurrenceState>(reader.GetString(4)),
                WorkerId = reader.GetString(5),
                LeaseExpiresAt = Instant.FromUnixTimeTicks(reader.GetInt64(6)),
                ClaimedAt = Instant.FromUnixTimeTicks(reader.GetInt64(7)),
                Attempts = reader.GetInt32(8),
                IssuedAt = reader.IsDBNull(9) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(9)),
                InvoiceNumber = reader.IsDBNull(10) ? null : reader.GetString(10),
            });
        }

        return rows;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = SqliteInvoiceStore.Command(connection, transaction, sql, parameters);
        await using var commandScope = command.ConfigureAwait(false);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static object? Ticks(Instant? instant) => instant?.ToUnixTimeTicks();

    private static object? Date(LocalDate? date) => date is { } value ? SqliteText.Date(value) : null;
}
