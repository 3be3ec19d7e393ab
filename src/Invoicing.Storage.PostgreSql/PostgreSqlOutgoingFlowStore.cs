using Invoicing.Core;
using NodaTime;
using Npgsql;

namespace Invoicing.Storage.PostgreSql;

/// <summary>
/// Invoices sent to e-invoicing platforms, in PostgreSQL. A claim is one transaction: insert the new row
/// (<c>ON CONFLICT DO NOTHING</c>), or lock the existing one with <c>FOR UPDATE SKIP LOCKED</c> and apply
/// <see cref="OutgoingFlowClaimDecision"/>; a row another worker is claiming or recording at that moment is reported
/// as held, never waited for. The recording methods are conditional updates.
/// </summary>
internal sealed class PostgreSqlOutgoingFlowStore(PostgreSqlDatabase database) : IOutgoingFlowStore
{
    private const string Columns = "invoice_number, platform, tracking_id, state, flow_id, reason, worker_id, lease_expires_at, attempts, created_at, sent_at, acknowledged_at";

    public Task<OutgoingFlowClaim> TryClaimAsync(OutgoingFlowClaimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return database.RunAsync(nameof(TryClaimAsync), async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);
            // Without an arbiter, DO NOTHING also absorbs a concurrent claim whose tracking id row is not committed yet;
            // a tracking id taken by another invoice is told apart below.
            var created = await ReadOneAsync(
                connection,
                transaction,
                $"""
                INSERT INTO outgoing_flows (invoice_number, platform, tracking_id, state, worker_id, lease_expires_at, attempts, created_at)
                VALUES ($1, $2, $3, 'Sending', $4, $5, 1, $6)
                ON CONFLICT DO NOTHING
                RETURNING {Columns}
                """,
                cancellationToken,
                request.InvoiceNumber,
                request.Platform,
                request.TrackingId,
                request.WorkerId,
                request.LeaseExpiresAt.ToUnixTimeTicks(),
                request.Now.ToUnixTimeTicks()).ConfigureAwait(false);
            if (created is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new OutgoingFlowClaim(OutgoingFlowClaimOutcome.Claimed, created);
            }

            var existing = await ReadOneAsync(connection, transaction, $"SELECT {Columns} FROM outgoing_flows WHERE invoice_number = $1 AND platform = $2 FOR UPDATE SKIP LOCKED", cancellationToken, request.InvoiceNumber, request.Platform).ConfigureAwait(false);
            if (existing is null)
            {
                // Another worker is claiming or recording it right now.
                var busy = await ReadOneAsync(connection, transaction, $"SELECT {Columns} FROM outgoing_flows WHERE invoice_number = $1 AND platform = $2", cancellationToken, request.InvoiceNumber, request.Platform).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

                // No row for the invoice: the insert met another invoice's tracking id.
                return busy is null
                    ? throw OutgoingFlowClaimDecision.TrackingIdTaken(request)
                    : new OutgoingFlowClaim(OutgoingFlowClaimOutcome.HeldByAnotherWorker, busy);
            }

            var outcome = OutgoingFlowClaimDecision.Decide(existing, request.Now);
            if (outcome == OutgoingFlowClaimOutcome.TakenOver)
            {
                existing = await ReadOneAsync(
                    connection,
                    transaction,
                    $"UPDATE outgoing_flows SET worker_id = $3, lease_expires_at = $4, attempts = attempts + 1 WHERE invoice_number = $1 AND platform = $2 RETURNING {Columns}",
                    cancellationToken,
                    request.InvoiceNumber,
                    request.Platform,
                    request.WorkerId,
                    request.LeaseExpiresAt.ToUnixTimeTicks()).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new OutgoingFlowClaim(outcome, existing!);
        }, cancellationToken);
    }

    public Task<bool> MarkSentAsync(string invoiceNumber, string platform, string workerId, string flowId, Instant sentAt, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            nameof(MarkSentAsync),
            "state = 'Sent', flow_id = $3, sent_at = $4, reason = NULL WHERE invoice_number = $1 AND platform = $2 AND state = 'Sending' AND worker_id = $5 AND $3 <> ''",
            cancellationToken,
            invoiceNumber,
            platform,
            flowId ?? string.Empty,
            sentAt.ToUnixTimeTicks(),
            workerId ?? string.Empty);

    public Task<bool> MarkFailedAsync(string invoiceNumber, string platform, string workerId, string reason, Instant retryAt, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            nameof(MarkFailedAsync),
            "reason = $3, lease_expires_at = $4 WHERE invoice_number = $1 AND platform = $2 AND state = 'Sending' AND worker_id = $5",
            cancellationToken,
            invoiceNumber,
            platform,
            reason,
            retryAt.ToUnixTimeTicks(),
            workerId ?? string.Empty);

    public Task<bool> RecordAcknowledgementAsync(string invoiceNumber, string platform, bool accepted, string? reason, Instant at, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            nameof(RecordAcknowledgementAsync),
            $"state = $3, reason = $4, acknowledged_at = $5 WHERE invoice_number = $1 AND platform = $2 AND {(accepted ? "state = 'Sent'" : "state <> 'Rejected'")}",
            cancellationToken,
            invoiceNumber,
            platform,
            (accepted ? OutgoingFlowState.Acknowledged : OutgoingFlowState.Rejected).ToString(),
            accepted ? null : reason,
            at.ToUnixTimeTicks());

    public Task<OutgoingFlow?> GetAsync(string invoiceNumber, string platform, CancellationToken cancellationToken = default) =>
        database.RunAsync(nameof(GetAsync), async connection => invoiceNumber is null || platform is null
            ? null
            : (await ReadManyAsync(connection, "invoice_number = $1 AND platform = $2", cancellationToken, invoiceNumber, platform).ConfigureAwait(false)).SingleOrDefault(), cancellationToken);

    public Task<IReadOnlyList<OutgoingFlow>> ListByInvoiceAsync(string invoiceNumber, CancellationToken cancellationToken = default) =>
        database.RunAsync(nameof(ListByInvoiceAsync), connection => ReadManyAsync(connection, "invoice_number = $1 ORDER BY platform", cancellationToken, invoiceNumber ?? string.Empty), cancellationToken);

    public Task<IReadOnlyList<OutgoingFlow>> ListAsync(string platform, OutgoingFlowState state, CancellationToken cancellationToken = default) =>
        database.RunAsync(nameof(ListAsync), connection => ReadManyAsync(connection, "platform = $1 AND state = $2 ORDER BY created_at, invoice_number", cancellationToken, platform ?? string.Empty, state.ToString()), cancellationToken);

    private Task<bool> UpdateAsync(string operation, string setAndWhere, CancellationToken cancellationToken, params object?[] values)
    {
        if (values[0] is null || values[1] is null)
        {
            return Task.FromResult(false);
        }

        return database.RunAsync(operation, async connection =>
        {
            var command = new NpgsqlCommand("UPDATE outgoing_flows SET " + setAndWhere, connection);
            await using (command.ConfigureAwait(false))
            {
                AddParameters(command.Parameters, values);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            }
        }, cancellationToken);
    }

    private static async Task<OutgoingFlow?> ReadOneAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object?[] values)
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

    private static async Task<IReadOnlyList<OutgoingFlow>> ReadManyAsync(NpgsqlConnection connection, string where, CancellationToken cancellationToken, params object?[] values)
    {
        var flows = new List<OutgoingFlow>();
        var command = new NpgsqlCommand($"SELECT {Columns} FROM outgoing_flows WHERE {where}", connection);
        await using (command.ConfigureAwait(false))
        {
            AddParameters(command.Parameters, values);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    flows.Add(Read(reader));
                }
            }
        }

        return flows;
    }

    private static void AddParameters(NpgsqlParameterCollection parameters, params object?[] values)
    {
        foreach (var value in values)
        {
            parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }

    private static OutgoingFlow Read(NpgsqlDataReader reader) => new()
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
