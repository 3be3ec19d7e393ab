using System.Runtime.CompilerServices;
using Invoicing.Core;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Storage.Sqlite;

/// <summary>
/// The reminder journal in the store's SQLite file. A claim is one <c>BEGIN IMMEDIATE</c> transaction (read the entry,
/// decide with <see cref="ReminderClaimDecision"/>, insert or update), so of several workers (threads or processes)
/// claiming one key at once exactly one owns it: SQLite admits one writer at a time. Confirmations are conditional
/// updates (<c>WHERE state = 'Claimed' AND worker_id = $worker</c>), so a worker that lost its lease changes nothing.
/// </summary>
internal sealed class SqliteReminderJournal(SqliteInvoiceStore store) : IReminderJournal
{
    private const string Columns = "invoice_number, step_id, state, message_id, planned_for, worker_id, lease_expires_at, attempts, created_at, sent_at, next_attempt_at, last_error";

    public Task<ReminderClaim> TryClaimAsync(ReminderClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return store.WriteAsync("TryClaimAsync", async (connection, transaction) =>
        {
            var existing = await ReadAsync(connection, transaction, request.Key, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                var created = new ReminderEntry
                {
                    Key = request.Key,
                    State = ReminderState.Claimed,
                    MessageId = request.MessageId,
                    PlannedFor = request.PlannedFor,
                    WorkerId = request.WorkerId,
                    LeaseExpiresAt = request.LeaseExpiresAt,
                    Attempts = 1,
                    CreatedAt = request.Now,
                };
                await WriteEntryAsync(connection, transaction, created, insert: true, cancellationToken).ConfigureAwait(false);
                return new ReminderClaim(ReminderClaimOutcome.Claimed, created);
            }

            var outcome = ReminderClaimDecision.Decide(existing, request.Now);
            if (outcome is ReminderClaimOutcome.TakenOver or ReminderClaimOutcome.Retrying)
            {
                existing = existing with
                {
                    State = ReminderState.Claimed,
                    WorkerId = request.WorkerId,
                    LeaseExpiresAt = request.LeaseExpiresAt,
                    Attempts = checked(existing.Attempts + 1),
                    NextAttemptAt = null,
                };
                await WriteEntryAsync(connection, transaction, existing, insert: false, cancellationToken).ConfigureAwait(false);
            }

            return new ReminderClaim(outcome, existing);
        }, cancellationToken);
    }

    public Task<bool> MarkSentAsync(ReminderKey key, string workerId, Instant sentAt, CancellationToken cancellationToken = default) =>
        ConditionalUpdateAsync(
            "MarkSentAsync",
            key,
            workerId,
            "state = 'Sent', sent_at = $sentAt, last_error = NULL",
            [("$sentAt", sentAt.ToUnixTimeTicks() * 100)],
            cancellationToken,
            async (connection, transaction) =>
            {
                // The reminded event, in the transaction that journals the reminder as sent.
                var messageId = await store.ScalarAsync<string>(connection, transaction, "SELECT message_id FROM reminder_journal WHERE invoice_number = $number AND step_id = $step", cancellationToken, ("$number", key.InvoiceNumber), ("$step", key.StepId)).ConfigureAwait(false);
                await store.InsertEventForNumberAsync(connection, transaction, InvoiceEventKind.Reminded, key.InvoiceNumber, sentAt, InvoiceEvents.RemindedData(key.StepId, messageId ?? string.Empty), cancellationToken).ConfigureAwait(false);
            });

    public Task<bool> MarkFailedAsync(ReminderKey key, string workerId, ReminderFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return ConditionalUpdateAsync(
            "MarkFailedAsync",
            key,
            workerId,
            "state = $state, last_error = $error, next_attempt_at = $next",
            [
                ("$state", (failure.Permanent ? ReminderState.FailedPermanent : ReminderState.FailedTransient).ToString()),
                ("$error", failure.Reason),
                ("$next", failure.Permanent ? null : Nanos(failure.RetryAt ?? failure.At)),
            ],
            cancellationToken);
    }

    public Task<IReadOnlyList<ReminderEntry>> ListByInvoiceAsync(string invoiceNumber, CancellationToken cancellationToken = default) =>
        store.ReadAsync<IReadOnlyList<ReminderEntry>>("ListByInvoiceAsync", async connection =>
        {
            var entries = new List<ReminderEntry>();
            if (invoiceNumber is null)
            {
                return entries;
            }

            var command = SqliteInvoiceStore.Command(connection, null, $"SELECT {Columns} FROM reminder_journal WHERE invoice_number = $number", ("$number", invoiceNumber));
            await using var commandScope = command.ConfigureAwait(false);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(Read(reader));
            }

            return entries;
        }, cancellationToken);

    public async IAsyncEnumerable<ReminderEntry> ListUnfinishedAsync(Instant now, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The set is small (unfinished work); it is read in one go so no reader stays open across the caller's awaits.
        var entries = await store.ReadAsync<IReadOnlyList<ReminderEntry>>("ListUnfinishedAsync", async connection =>
        {
            var list = new List<ReminderEntry>();
            var command = SqliteInvoiceStore.Command(
                connection,
                null,
                $"SELECT {Columns} FROM reminder_journal WHERE (state = 'Claimed' AND lease_expires_at <= $now) OR (state = 'FailedTransient' AND coalesce(next_attempt_at, $now) <= $now) ORDER BY created_at",
                ("$now", Nanos(now)));
            await using var commandScope = command.ConfigureAwait(false);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(Read(reader));
            }

            return list;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            yield return entry;
        }
    }

    private Task<bool> ConditionalUpdateAsync(string operation, ReminderKey key, string workerId, string set, (string Name, object? Value)[] values, CancellationToken cancellationToken, Func<SqliteConnection, SqliteTransaction, Task>? whenUpdated = null) =>
        store.WriteAsync(operation, async (connection, transaction) =>
        {
            if (key.InvoiceNumber is null || workerId is null)
            {
                return false;
            }

            var command = SqliteInvoiceStore.Command(
                connection,
                transaction,
                $"UPDATE reminder_journal SET {set} WHERE invoice_number = $number AND step_id = $step AND state = 'Claimed' AND worker_id = $worker",
                [.. values, ("$number", key.InvoiceNumber), ("$step", key.StepId), ("$worker", workerId)]);
            await using var commandScope = command.ConfigureAwait(false);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;
            }

            if (whenUpdated is not null)
            {
                await whenUpdated(connection, transaction).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken);

    private static async Task<ReminderEntry?> ReadAsync(SqliteConnection connection, SqliteTransaction transaction, ReminderKey key, CancellationToken cancellationToken)
    {
        var command = SqliteInvoiceStore.Command(connection, transaction, $"SELECT {Columns} FROM reminder_journal WHERE invoice_number = $number AND step_id = $step", ("$number", key.InvoiceNumber), ("$step", key.StepId));
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    private static async Task WriteEntryAsync(SqliteConnection connection, SqliteTransaction transaction, ReminderEntry entry, bool insert, CancellationToken cancellationToken)
    {
        var sql = insert
            ? $"INSERT INTO reminder_journal ({Columns}) VALUES ($number, $step, $state, $messageId, $plannedFor, $worker, $lease, $attempts, $created, $sent, $next, $error)"
            : "UPDATE reminder_journal SET state = $state, worker_id = $worker, lease_expires_at = $lease, attempts = $attempts, next_attempt_at = $next WHERE invoice_number = $number AND step_id = $step";
        var command = SqliteInvoiceStore.Command(
            connection,
            transaction,
            sql,
            ("$number", entry.Key.InvoiceNumber),
            ("$step", entry.Key.StepId),
            ("$state", entry.State.ToString()),
            ("$messageId", entry.MessageId),
            ("$plannedFor", SqliteText.Date(entry.PlannedFor)),
            ("$worker", entry.WorkerId),
            ("$lease", Nanos(entry.LeaseExpiresAt)),
            ("$attempts", entry.Attempts),
            ("$created", Nanos(entry.CreatedAt)),
            ("$sent", Nanos(entry.SentAt)),
            ("$next", Nanos(entry.NextAttemptAt)),
            ("$error", entry.LastError));
        await using var commandScope = command.ConfigureAwait(false);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ReminderEntry Read(SqliteDataReader reader) => new()
    {
        Key = new ReminderKey(reader.GetString(0), reader.GetString(1)),
        State = Enum.Parse<ReminderState>(reader.GetString(2)),
        MessageId = reader.GetString(3),
        PlannedFor = LocalDatePattern.Iso.Parse(reader.GetString(4)).Value,
        WorkerId = reader.GetString(5),
        LeaseExpiresAt = FromNanos(reader.GetInt64(6)),
        Attempts = reader.GetInt32(7),
        CreatedAt = FromNanos(reader.GetInt64(8)),
        SentAt = reader.IsDBNull(9) ? null : FromNanos(reader.GetInt64(9)),
        NextAttemptAt = reader.IsDBNull(10) ? null : FromNanos(reader.GetInt64(10)),
        LastError = reader.IsDBNull(11) ? null : reader.GetString(11),
    };

    private static long Nanos(Instant instant) => instant.ToUnixTimeTicks() * 100;

    private static object? Nanos(Instant? instant) => instant is { } value ? Nanos(value) : null;

    private static Instant FromNanos(long nanos) => Instant.FromUnixTimeTicks(nanos / 100);
}
