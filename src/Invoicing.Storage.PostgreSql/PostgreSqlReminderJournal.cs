using System.Runtime.CompilerServices;
using Invoicing.Core;
using NodaTime;
using Npgsql;

namespace Invoicing.Storage.PostgreSql;

/// <summary>
/// The reminder journal in PostgreSQL. A claim is one transaction: insert the new key (<c>ON CONFLICT DO NOTHING</c>),
/// or lock the existing row with <c>FOR UPDATE SKIP LOCKED</c> and apply <see cref="ReminderClaimDecision"/>; a row
/// another worker is claiming or confirming at that moment is reported as held, never waited for.
/// </summary>
internal sealed class PostgreSqlReminderJournal(PostgreSqlDatabase database) : IReminderJournal
{
    private const string Columns = "invoice_number, step_id, state, message_id, planned_for, worker_id, lease_expires_at, attempts, created_at, sent_at, next_attempt_at, last_error";

    public Task<ReminderClaim> TryClaimAsync(ReminderClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return database.RunAsync(nameof(TryClaimAsync), async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);
            var created = await ReadOneAsync(
                connection,
                transaction,
                $"""
                INSERT INTO reminder_journal (invoice_number, step_id, state, message_id, planned_for, worker_id, lease_expires_at, attempts, created_at)
                VALUES ($1, $2, 'Claimed', $3, $4, $5, $6, 1, $7)
                ON CONFLICT (invoice_number, step_id) DO NOTHING
                RETURNING {Columns}
                """,
                cancellationToken,
                request.Key.InvoiceNumber,
                request.Key.StepId,
                request.MessageId,
                request.PlannedFor.ToDateOnly(),
                request.WorkerId,
                request.LeaseExpiresAt.ToUnixTimeTicks(),
                request.Now.ToUnixTimeTicks()).ConfigureAwait(false);
            if (created is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new ReminderClaim(ReminderClaimOutcome.Claimed, created);
            }

            var existing = await ReadOneAsync(
                connection,
                transaction,
                $"SELECT {Columns} FROM reminder_journal WHERE invoice_number = $1 AND step_id = $2 FOR UPDATE SKIP LOCKED",
                cancellationToken,
                request.Key.InvoiceNumber,
                request.Key.StepId).ConfigureAwait(false);
            if (existing is null)
            {
                // Another worker is claiming or confirming it right now.
                var busy = await ReadOneAsync(connection, transaction, $"SELECT {Columns} FROM reminder_journal WHERE invoice_number = $1 AND step_id = $2", cancellationToken, request.Key.InvoiceNumber, request.Key.StepId).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new ReminderClaim(ReminderClaimOutcome.HeldByAnotherWorker, busy!);
            }

            var outcome = ReminderClaimDecision.Decide(existing, request.Now);
            if (outcome is ReminderClaimOutcome.TakenOver or ReminderClaimOutcome.Retrying)
            {
                existing = await ReadOneAsync(
                    connection,
                    transaction,
                    $"""
                    UPDATE reminder_journal SET state = 'Claimed', worker_id = $3, lease_expires_at = $4, attempts = attempts + 1, next_attempt_at = NULL
                    WHERE invoice_number = $1 AND step_id = $2
                    RETURNING {Columns}
                    """,
                    cancellationToken,
                    request.Key.InvoiceNumber,
                    request.Key.StepId,
                    request.WorkerId,
                    request.LeaseExpiresAt.ToUnixTimeTicks()).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new ReminderClaim(outcome, existing!);
        }, cancellationToken);
    }

    public Task<bool> MarkSentAsync(ReminderKey key, string workerId, Instant sentAt, CancellationToken cancellationToken = default) =>
        database.RunAsync(nameof(MarkSentAsync), async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);
            string? messageId;
            var command = new NpgsqlCommand(
                "UPDATE reminder_journal SET state = 'Sent', sent_at = $4, last_error = NULL WHERE invoice_number = $1 AND step_id = $2 AND state = 'Claimed' AND worker_id = $3 RETURNING message_id",
                connection,
                transaction);
            await using (command.ConfigureAwait(false))
            {
                AddParameters(command.Parameters, key.InvoiceNumber ?? string.Empty, key.StepId ?? string.Empty, workerId ?? string.Empty, sentAt.ToUnixTimeTicks());
                messageId = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            }

            if (messageId is null)
            {
                return false;
            }

            // The reminded event, in the transaction that journals the reminder as sent.
            var record = PostgreSqlEventCommands.RecordForNumber(connection, transaction, InvoiceEventKind.Reminded, key.InvoiceNumber!, sentAt, InvoiceEvents.RemindedData(key.StepId!, messageId));
            await using (record.ConfigureAwait(false))
            {
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task<bool> MarkFailedAsync(ReminderKey key, string workerId, ReminderFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return database.RunAsync(nameof(MarkFailedAsync), async connection =>
        {
            var command = new NpgsqlCommand(
                "UPDATE reminder_journal SET state = $4, last_error = $5, next_attempt_at = $6 WHERE invoice_number = $1 AND step_id = $2 AND state = 'Claimed' AND worker_id = $3",
                connection);
            await using (command.ConfigureAwait(false))
            {
                AddParameters(
                    command.Parameters,
                    key.InvoiceNumber ?? string.Empty,
                    key.StepId ?? string.Empty,
                    workerId ?? string.Empty,
                    failure.Permanent ? nameof(ReminderState.FailedPermanent) : nameof(ReminderState.FailedTransient),
                    (object?)failure.Reason ?? DBNull.Value,
                    failure.Permanent ? DBNull.Value : (failure.RetryAt ?? failure.At).ToUnixTimeTicks());
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            }
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ReminderEntry>> ListByInvoiceAsync(string invoiceNumber, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<ReminderEntry>>(nameof(ListByInvoiceAsync), async connection =>
        {
            var entries = new List<ReminderEntry>();
            if (invoiceNumber is null)
            {
                return entries;
            }

            var command = new NpgsqlCommand($"SELECT {Columns} FROM reminder_journal WHERE invoice_number = $1", connection);
            await using (command.ConfigureAwait(false))
            {
                AddParameters(command.Parameters, invoiceNumber);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        entries.Add(Read(reader));
                    }
                }
            }

            return entries;
        }, cancellationToken);

    public async IAsyncEnumerable<ReminderEntry> ListUnfinishedAsync(Instant now, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        const string operation = nameof(ListUnfinishedAsync);
        await database.EnsureMigratedAsync(operation, cancellationToken).ConfigureAwait(false);
        var connection = await PostgreSqlDatabase.GuardAsync(operation, () => database.DataSource.OpenConnectionAsync(cancellationToken).AsTask()).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(
                $"""
                SELECT {Columns} FROM reminder_journal
                WHERE state IN ('Claimed', 'FailedTransient')
                  AND ((state = 'Claimed' AND lease_expires_at <= $1) OR (state = 'FailedTransient' AND coalesce(next_attempt_at, $1) <= $1))
                ORDER BY created_at, invoice_number, step_id
                """,
                connection);
            await using (command.ConfigureAwait(false))
            {
                AddParameters(command.Parameters, now.ToUnixTimeTicks());
                var reader = await PostgreSqlDatabase.GuardAsync(operation, () => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await PostgreSqlDatabase.GuardAsync(operation, () => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
                    {
                        yield return Read(reader);
                    }
                }
            }
        }
    }

    private static async Task<ReminderEntry?> ReadOneAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            AddParameters(command.Parameters, values);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
            }
        }
    }

    private static void AddParameters(NpgsqlParameterCollection parameters, params object?[] values)
    {
        foreach (var value in values)
        {
            parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }

    private static ReminderEntry Read(NpgsqlDataReader reader) => new()
    {
        Key = new ReminderKey(reader.GetString(0), reader.GetString(1)),
        State = Enum.Parse<ReminderState>(reader.GetString(2)),
        MessageId = reader.GetString(3),
        PlannedFor = LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(4)),
        WorkerId = reader.GetString(5),
        LeaseExpiresAt = Instant.FromUnixTimeTicks(reader.GetInt64(6)),
        Attempts = reader.GetInt32(7),
        CreatedAt = Instant.FromUnixTimeTicks(reader.GetInt64(8)),
        SentAt = reader.IsDBNull(9) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(9)),
        NextAttemptAt = reader.IsDBNull(10) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(10)),
        LastError = reader.IsDBNull(11) ? null : reader.GetString(11),
    };
}
