using System.Runtime.CompilerServices;
using Invoicing.Core;
using NodaTime;
using Npgsql;

namespace Invoicing.Storage.PostgreSql;

/// <summary>
/// Recurring schedules and their occurrence ledger in PostgreSQL. A claim is one transaction: a compare-and-set update
/// of the schedule row (running, billed through the day the worker planned from), then the ledger rows and the draft.
/// Concurrent claims of one schedule queue on the row lock; the later ones find the day moved and claim nothing. A
/// take-over locks the occurrence's rows with <c>FOR UPDATE SKIP LOCKED</c> and replaces the draft only if the issue
/// has not deleted it.
/// </summary>
internal sealed class PostgreSqlRecurringScheduleStore(PostgreSqlDatabase database) : IRecurringScheduleStore
{
    private const string StateColumns = "definition, paused_at, bill_from, billed_through, next_due_at";
    private const string OccurrenceColumns = "schedule_id, period_start, period_end, draft_id, state, worker_id, lease_expires_at, claimed_at, attempts, issued_at, invoice_number";

    public Task SaveAsync(RecurringSchedule schedule, CancellationToken cancellationToken = default)
    {
        RecurringRules.CheckSchedule(schedule);
        var json = RecurringScheduleJson.Serialize(schedule);
        return database.RunAsync(nameof(SaveAsync), async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);

            // Insert a bare row first (or lock the existing one), so the next due instant is computed from the state under the lock.
            await ExecuteAsync(connection, transaction, "INSERT INTO recurring_schedules (id, customer_key, definition) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING", cancellationToken, schedule.Id, schedule.CustomerKey, json).ConfigureAwait(false);
            var state = await ReadStateAsync(connection, transaction, "WHERE id = $1 FOR UPDATE", cancellationToken, schedule.Id).ConfigureAwait(false);
            var next = RecurringRules.NextDueAt(schedule, state?.BilledThrough, state?.BillFrom);
            await ExecuteAsync(connection, transaction, "UPDATE recurring_schedules SET customer_key = $2, definition = $3, next_due_at = $4 WHERE id = $1", cancellationToken, schedule.Id, schedule.CustomerKey, json, next?.ToUnixTimeTicks()).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);
    }

    public Task<RecurringScheduleState?> GetAsync(string scheduleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduleId);
        return database.RunAsync(nameof(GetAsync), connection => ReadStateAsync(connection, null, "WHERE id = $1", cancellationToken, scheduleId), cancellationToken);
    }

    public IAsyncEnumerable<RecurringScheduleState> ListAsync(CancellationToken cancellationToken = default) =>
        StreamAsync(nameof(ListAsync), $"SELECT {StateColumns} FROM recurring_schedules ORDER BY id", [], ReadState, cancellationToken);

    public IAsyncEnumerable<RecurringScheduleState> ListDueAsync(Instant now, CancellationToken cancellationToken = default) =>
        StreamAsync(
            nameof(ListDueAsync),
            $"SELECT {StateColumns} FROM recurring_schedules WHERE paused_at IS NULL AND next_due_at IS NOT NULL AND next_due_at <= $1 ORDER BY next_due_at, id",
            [now.ToUnixTimeTicks()],
            ReadState,
            cancellationToken);

    public Task<bool> PauseAsync(string scheduleId, Instant pausedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduleId);
        return database.RunAsync(nameof(PauseAsync), async connection =>
            await ExecuteAsync(connection, null, "UPDATE recurring_schedules SET paused_at = coalesce(paused_at, $2) WHERE id = $1", cancellationToken, scheduleId, pausedAt.ToUnixTimeTicks()).ConfigureAwait(false) == 1,
            cancellationToken);
    }

    public Task<bool> ResumeAsync(string scheduleId, LocalDate? billFrom = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduleId);
        return database.RunAsync(nameof(ResumeAsync), async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);
            if (await ReadStateAsync(connection, transaction, "WHERE id = $1 FOR UPDATE", cancellationToken, scheduleId).ConfigureAwait(false) is not { } state)
            {
                return false;
            }

            var from = billFrom ?? state.BillFrom;
            await ExecuteAsync(
                connection,
                transaction,
                "UPDATE recurring_schedules SET paused_at = NULL, bill_from = $2::date, next_due_at = $3 WHERE id = $1",
                cancellationToken,
                scheduleId,
                from?.ToDateOnly(),
                RecurringRules.NextDueAt(state.Schedule, state.BilledThrough, from)?.ToUnixTimeTicks()).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public Task<bool> TryClaimAsync(OccurrenceClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        InvoiceLifecycle.CheckDraft(request.Draft);
        var json = InvoiceJson.Serialize(request.Draft);
        return database.RunAsync(nameof(TryClaimAsync), async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);
            var moved = await ExecuteAsync(
                connection,
                transaction,
                "UPDATE recurring_schedules SET billed_through = $2::date, next_due_at = $3 WHERE id = $1 AND paused_at IS NULL AND billed_through IS NOT DISTINCT FROM $4::date",
                cancellationToken,
                request.ScheduleId,
                request.Periods[^1].End.ToDateOnly(),
                request.NextDueAt?.ToUnixTimeTicks(),
                request.ExpectedBilledThrough?.ToDateOnly()).ConfigureAwait(false);
            if (moved != 1)
            {
                return false;
            }

            await ExecuteAsync(connection, transaction, "INSERT INTO drafts (id, document) VALUES ($1, $2)", cancellationToken, request.DraftId.Value, json).ConfigureAwait(false);
            var batch = new NpgsqlBatch(connection, transaction);
            await using (batch.ConfigureAwait(false))
            {
                foreach (var period in request.Periods)
                {
                    var insert = new NpgsqlBatchCommand($"INSERT INTO recurring_occurrences ({OccurrenceColumns}) VALUES ($1, $2, $3, $4, 'Claimed', $5, $6, $7, 1, NULL, NULL)");
                    AddParameters(insert.Parameters, request.ScheduleId, period.Start.ToDateOnly(), period.End.ToDateOnly(), request.DraftId.Value, request.WorkerId, request.LeaseExpiresAt.ToUnixTimeTicks(), request.Now.ToUnixTimeTicks());
                    batch.BatchCommands.Add(insert);
                }

                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public Task<OccurrenceTakeOverOutcome> TryTakeOverAsync(OccurrenceTakeOverRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        InvoiceLifecycle.CheckDraft(request.Draft);
        var json = InvoiceJson.Serialize(request.Draft);
        return database.RunAsync(nameof(TryTakeOverAsync), async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);
            var rows = await ReadOccurrencesAsync(connection, transaction, "WHERE draft_id = $1 ORDER BY period_start FOR UPDATE SKIP LOCKED", cancellationToken, request.DraftId.Value).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                var exists = await ReadOccurrencesAsync(connection, transaction, "WHERE draft_id = $1 LIMIT 1", cancellationToken, request.DraftId.Value).ConfigureAwait(false);
                return exists.Count == 0 ? OccurrenceTakeOverOutcome.Unknown : OccurrenceTakeOverOutcome.Held;
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
            var replaced = await ExecuteAsync(connection, transaction, "UPDATE drafts SET document = $2, saved_at = now() WHERE id = $1", cancellationToken, request.DraftId.Value, json).ConfigureAwait(false) == 1;
            await ExecuteAsync(
                connection,
                transaction,
                replaced
                    ? "UPDATE recurring_occurrences SET worker_id = $2, lease_expires_at = $3, attempts = attempts + 1 WHERE draft_id = $1"
                    : "UPDATE recurring_occurrences SET worker_id = $2, state = 'Issued', issued_at = $4, attempts = attempts + 1 WHERE draft_id = $1",
                cancellationToken,
                request.DraftId.Value,
                request.WorkerId,
                request.LeaseExpiresAt.ToUnixTimeTicks(),
                request.Now.ToUnixTimeTicks()).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return replaced ? OccurrenceTakeOverOutcome.TakenOver : OccurrenceTakeOverOutcome.FoundIssued;
        }, cancellationToken);
    }

    public Task<bool> MarkIssuedAsync(DraftId draftId, string workerId, string invoiceNumber, Instant issuedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoiceNumber);
        return database.RunAsync(nameof(MarkIssuedAsync), async connection =>
            await ExecuteAsync(
                connection,
                null,
                "UPDATE recurring_occurrences SET state = 'Issued', issued_at = $3, invoice_number = $4 WHERE draft_id = $1 AND state = 'Claimed' AND worker_id = $2",
                cancellationToken,
                draftId.Value,
                workerId ?? string.Empty,
                issuedAt.ToUnixTimeTicks(),
                invoiceNumber).ConfigureAwait(false) > 0,
            cancellationToken);
    }

    public Task<IReadOnlyList<RecurringOccurrence>> ListOccurrencesAsync(string scheduleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduleId);
        return database.RunAsync<IReadOnlyList<RecurringOccurrence>>(
            nameof(ListOccurrencesAsync),
            async connection => await ReadOccurrencesAsync(connection, null, "WHERE schedule_id = $1 ORDER BY period_start", cancellationToken, scheduleId).ConfigureAwait(false),
            cancellationToken);
    }

    public IAsyncEnumerable<RecurringOccurrence> ListUnfinishedAsync(Instant now, CancellationToken cancellationToken = default) =>
        StreamAsync(
            nameof(ListUnfinishedAsync),
            $"SELECT {OccurrenceColumns} FROM recurring_occurrences WHERE state = 'Claimed' AND lease_expires_at <= $1 ORDER BY claimed_at, schedule_id, period_start",
            [now.ToUnixTimeTicks()],
            ReadOccurrence,
            cancellationToken);

    private async IAsyncEnumerable<T> StreamAsync<T>(string operation, string sql, object?[] values, Func<NpgsqlDataReader, T> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(operation, cancellationToken).ConfigureAwait(false);
        var connection = await PostgreSqlDatabase.GuardAsync(operation, () => database.DataSource.OpenConnectionAsync(cancellationToken).AsTask()).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                AddParameters(command.Parameters, values);
                var reader = await PostgreSqlDatabase.GuardAsync(operation, () => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await PostgreSqlDatabase.GuardAsync(operation, () => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
                    {
                        yield return read(reader);
                    }
                }
            }
        }
    }

    private static async Task<RecurringScheduleState?> ReadStateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, CancellationToken cancellationToken, params object?[] values)
    {
        var command = new NpgsqlCommand($"SELECT {StateColumns} FROM recurring_schedules {where}", connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            AddParameters(command.Parameters, values);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadState(reader) : null;
            }
        }
    }

    private static async Task<List<RecurringOccurrence>> ReadOccurrencesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, CancellationToken cancellationToken, params object?[] values)
    {
        var rows = new List<RecurringOccurrence>();
        var command = new NpgsqlCommand($"SELECT {OccurrenceColumns} FROM recurring_occurrences {where}", connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            AddParameters(command.Parameters, values);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(ReadOccurrence(reader));
                }
            }
        }

        return rows;
    }

    private static RecurringScheduleState ReadState(NpgsqlDataReader reader) => new()
    {
        Schedule = RecurringScheduleJson.Deserialize(reader.GetString(0)),
        PausedAt = reader.IsDBNull(1) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(1)),
        BillFrom = reader.IsDBNull(2) ? null : LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(2)),
        BilledThrough = reader.IsDBNull(3) ? null : LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(3)),
        NextDueAt = reader.IsDBNull(4) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(4)),
    };

    private static RecurringOccurrence ReadOccurrence(NpgsqlDataReader reader) => new()
    {
        ScheduleId = reader.GetString(0),
        PeriodStart = LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(1)),
        PeriodEnd = LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(2)),
        DraftId = new DraftId(reader.GetGuid(3)),
        State = Enum.Parse<OccurrenceState>(reader.GetString(4)),
        WorkerId = reader.GetString(5),
        LeaseExpiresAt = Instant.FromUnixTimeTicks(reader.GetInt64(6)),
        ClaimedAt = Instant.FromUnixTimeTicks(reader.GetInt64(7)),
        Attempts = reader.GetInt32(8),
        IssuedAt = reader.IsDBNull(9) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(9)),
        InvoiceNumber = reader.IsDBNull(10) ? null : reader.GetString(10),
    };

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            AddParameters(command.Parameters, values);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AddParameters(NpgsqlParameterCollection parameters, params object?[] values)
    {
        foreach (var value in values)
        {
            parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }
}
