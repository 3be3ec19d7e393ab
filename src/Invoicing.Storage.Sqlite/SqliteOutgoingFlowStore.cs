using Invoicing.Core;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Invoicing.Storage.Sqlite;

/// <summary>
/// Invoices sent to e-invoicing platforms, in the store's SQLite file. A claim is one <c>BEGIN IMMEDIATE</c>
/// transaction (read the row, decide with <see cref="OutgoingFlowClaimDecision"/>, insert or update): SQLite admits one
/// writer at a time, so of several workers (threads or processes) claiming one invoice for one platform exactly one
/// owns it. The recording methods are conditional updates, so a worker that lost its claim changes nothing.
/// </summary>
internal sealed class SqliteOutgoingFlowStore(SqliteInvoiceStore store) : IOutgoingFlowStore
{
    private const string Columns = "invoice_number, platform, tracking_id, state, flow_id, reason, worker_id, lease_expires_at, attempts, created_at, sent_at, acknowledged_at";

    public Task<OutgoingFlowClaim> TryClaimAsync(OutgoingFlowClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return store.WriteAsync("TryClaimAsync", async (connection, transaction) =>
        {
            var existing = await ReadOneAsync(connection, transaction, "invoice_number = $number AND platform = $platform", cancellationToken, ("$number", request.InvoiceNumber), ("$platform", request.Platform)).ConfigureAwait(false);
            if (existing is null)
            {
                if (await ReadOneAsync(connection, transaction, "platform = $platform AND tracking_id = $tracking", cancellationToken, ("$platform", request.Platform), ("$tracking", request.TrackingId)).ConfigureAwait(false) is not null)
                {
                    throw OutgoingFlowClaimDecision.TrackingIdTaken(request);
                }

                var created = OutgoingFlowClaimDecision.Created(request);
                await ExecuteAsync(
                    connection,
                    transaction,
                    $"INSERT INTO outgoing_flows ({Columns}) VALUES ($number, $platform, $tracking, 'Sending', NULL, NULL, $worker, $lease, 1, $now, NULL, NULL)",
                    cancellationToken,
                    ("$number", created.InvoiceNumber),
                    ("$platform", created.Platform),
                    ("$tracking", created.TrackingId),
                    ("$worker", created.WorkerId),
                    ("$lease", created.LeaseExpiresAt.ToUnixTimeTicks()),
                    ("$now", created.CreatedAt.ToUnixTimeTicks())).ConfigureAwait(false);
                return new OutgoingFlowClaim(OutgoingFlowClaimOutcome.Claimed, created);
            }

            var outcome = OutgoingFlowClaimDecision.Decide(existing, request.Now);
            if (outcome == OutgoingFlowClaimOutcome.TakenOver)
            {
                existing = OutgoingFlowClaimDecision.TakenOver(existing, request);
                await ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE outgoing_flows SET worker_id = $worker, lease_expires_at = $lease, attempts = $attempts WHERE invoice_number = $number AND platform = $platform",
                    cancellationToken,
                    ("$number", existing.InvoiceNumber),
                    ("$platform", existing.Platform),
                    ("$worker", existing.WorkerId),
                    ("$lease", existing.LeaseExpiresAt.ToUnixTimeTicks()),
                    ("$attempts", existing.Attempts)).ConfigureAwait(false);
            }

            return new OutgoingFlowClaim(outcome, existing);
        }, cancellationToken);
    }

    public Task<bool> MarkSentAsync(string invoiceNumber, string platform, string workerId, string flowId, Instant sentAt, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            "MarkSentAsync",
            "state = 'Sent', flow_id = $flow, sent_at = $at, reason = NULL",
            "state = 'Sending' AND worker_id = $worker AND $flow <> ''",
            invoiceNumber,
            platform,
            cancellationToken,
            ("$worker", workerId),
            ("$flow", flowId),
            ("$at", sentAt.ToUnixTimeTicks()));

    public Task<bool> MarkFailedAsync(string invoiceNumber, string platform, string workerId, string reason, Instant retryAt, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            "MarkFailedAsync",
            "reason = $reason, lease_expires_at = $retry",
            "state = 'Sending' AND worker_id = $worker",
            invoiceNumber,
            platform,
            cancellationToken,
            ("$worker", workerId),
            ("$reason", reason),
            ("$retry", retryAt.ToUnixTimeTicks()));

    public Task<bool> RecordAcknowledgementAsync(string invoiceNumber, string platform, bool accepted, string? reason, Instant at, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            "RecordAcknowledgementAsync",
            "state = $state, reason = $reason, acknowledged_at = $at",
            accepted ? "state = 'Sent'" : "state <> 'Rejected'",
            invoiceNumber,
            platform,
            cancellationToken,
            ("$state", (accepted ? OutgoingFlowState.Acknowledged : OutgoingFlowState.Rejected).ToString()),
            ("$reason", accepted ? null : reason),
            ("$at", at.ToUnixTimeTicks()));

    public Task<OutgoingFlow?> GetAsync(string invoiceNumber, string platform, CancellationToken cancellationToken = default) =>
        store.ReadAsync("GetAsync", connection => invoiceNumber is null || platform is null
            ? Task.FromResult<OutgoingFlow?>(null)
            : ReadOneAsync(connection, null, "invoice_number = $number AND platform = $platform", cancellationToken, ("$number", invoiceNumber), ("$platform", platform)), cancellationToken);

    public Task<IReadOnlyList<OutgoingFlow>> ListByInvoiceAsync(string invoiceNumber, CancellationToken cancellationToken = default) =>
        store.ReadAsync("ListByInvoiceAsync", connection => ReadManyAsync(connection, "invoice_number = $number ORDER BY platform", cancellationToken, ("$number", invoiceNumber)), cancellationToken);

    public Task<IReadOnlyList<OutgoingFlow>> ListAsync(string platform, OutgoingFlowState state, CancellationToken cancellationToken = default) =>
        store.ReadAsync("ListAsync", connection => ReadManyAsync(connection, "platform = $platform AND state = $state ORDER BY created_at, invoice_number", cancellationToken, ("$platform", platform), ("$state", state.ToString())), cancellationToken);

    private Task<bool> UpdateAsync(string operation, string set, string condition, string invoiceNumber, string platform, CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        if (invoiceNumber is null || platform is null)
        {
            return Task.FromResult(false);
        }

        return store.WriteAsync(operation, async (connection, transaction) =>
            await ExecuteAsync(
                connection,
                transaction,
                $"UPDATE outgoing_flows SET {set} WHERE invoice_number = $number AND platform = $platform AND {condition}",
                cancellationToken,
                [("$number", invoiceNumber), ("$platform", platform), .. values]).ConfigureAwait(false) == 1, cancellationToken);
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = SqliteInvoiceStore.Command(connection, transaction, sql, parameters);
        await using var scope = command.ConfigureAwait(false);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<OutgoingFlow?> ReadOneAsync(SqliteConnection connection, SqliteTransaction? transaction, string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = SqliteInvoiceStore.Command(connection, transaction, $"SELECT {Columns} FROM outgoing_flows WHERE {where}", parameters);
        await using var scope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    private static async Task<IReadOnlyList<OutgoingFlow>> ReadManyAsync(SqliteConnection connection, string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var flows = new List<OutgoingFlow>();
        var command = SqliteInvoiceStore.Command(connection, null, $"SELECT {Columns} FROM outgoing_flows WHERE {where}", parameters);
        await using var scope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            flows.Add(Read(reader));
        }

        return flows;
    }

    private static OutgoingFlow Read(SqliteDataReader reader) => new()
    {
        InvoiceNumber = reader.GetString(0),
        Platform = reader.GetString(1),
        TrackingId = reader.GetString(2),
        State = Enum.Parse<OutgoingFlowState>(reader.GetString(3)),
        FlowId = reader.IsDBNull(4) ? null : reader.GetString(4),
        Reason = reader.IsDBNull(5) ? null : reader.GetString(5),
        WorkerId = reader.GetString(6),
        LeaseExpiresAt = Instant.FromUnixTimeTicks(reader.GetInt64(7)),
        Attempts = reader.GetInt32(8),
        CreatedAt = Instant.FromUnixTimeTicks(reader.GetInt64(9)),
        SentAt = reader.IsDBNull(10) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(10)),
        AcknowledgedAt = reader.IsDBNull(11) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(11)),
    };
}
