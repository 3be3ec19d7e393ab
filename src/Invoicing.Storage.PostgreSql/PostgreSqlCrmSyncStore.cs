using System.Runtime.CompilerServices;
using Invoicing.Core;
using NodaTime;
using Npgsql;

namespace Invoicing.Storage.PostgreSql;

/// <summary>
/// The CRM sync ledger in PostgreSQL. Applying a change is one transaction: an advisory lock on the record (so two syncs
/// applying it queue), the ledger row, the draft row locked <c>FOR UPDATE</c> (an issue deleting it commits first or
/// waits), the decision of <see cref="CrmSyncRules.Decide"/>, then the draft and the row written.
/// </summary>
internal sealed class PostgreSqlCrmSyncStore(PostgreSqlDatabase database) : ICrmSyncStore
{
    private const string Columns = "source, record_id, version, draft_id, state, held_reason, updated_at";

    public Task<CrmSyncOutcome> ApplyAsync(CrmSyncChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var json = change.Draft is null ? null : InvoiceJson.Serialize(change.Draft);
        var draftId = change.DraftId.Value;
        return database.RunAsync(nameof(ApplyAsync), async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended($1 || chr(10) || $2, 7))", cancellationToken, change.Source, change.RecordId).ConfigureAwait(false);
            var existing = (await ReadAsync(connection, transaction, "WHERE source = $1 AND record_id = $2", cancellationToken, change.Source, change.RecordId).ConfigureAwait(false)).FirstOrDefault();
            var draftExists = existing is not null
                && await ScalarAsync(connection, transaction, "SELECT 1 FROM drafts WHERE id = $1 FOR UPDATE", cancellationToken, draftId).ConfigureAwait(false) is not null;
            var decision = CrmSyncRules.Decide(existing, draftExists, change);
            switch (decision.DraftAction)
            {
                case CrmDraftAction.Write when decision.Outcome == CrmSyncOutcome.Updated:
                    await ExecuteAsync(connection, transaction, "UPDATE drafts SET document = $2, saved_at = now() WHERE id = $1", cancellationToken, draftId, json).ConfigureAwait(false);
                    break;
                case CrmDraftAction.Write:
                    await ExecuteAsync(connection, transaction, "INSERT INTO drafts (id, document) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET document = excluded.document, saved_at = now()", cancellationToken, draftId, json).ConfigureAwait(false);
                    break;
                case CrmDraftAction.Delete:
                    await ExecuteAsync(connection, transaction, "DELETE FROM drafts WHERE id = $1", cancellationToken, draftId).ConfigureAwait(false);
                    break;
            }

            if (decision.NewState is { } state)
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    $"""
                    INSERT INTO crm_sync_records ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7)
                    ON CONFLICT (source, record_id) DO UPDATE SET version = excluded.version, state = excluded.state, held_reason = excluded.held_reason, updated_at = excluded.updated_at
                    """,
                    cancellationToken,
                    change.Source,
                    change.RecordId,
                    change.Version,
                    draftId,
                    state.ToString(),
                    state == CrmSyncState.Held ? change.HeldReason : null,
                    change.Now.ToUnixTimeTicks()).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return decision.Outcome;
        }, cancellationToken);
    }

    public Task<CrmSyncRecord?> GetAsync(string source, string recordId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(recordId);
        return database.RunAsync(
            nameof(GetAsync),
            async connection => (await ReadAsync(connection, null, "WHERE source = $1 AND record_id = $2", cancellationToken, source, recordId).ConfigureAwait(false)).FirstOrDefault(),
            cancellationToken);
    }

    public async IAsyncEnumerable<CrmSyncRecord> ListAsync(string source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var records = await database.RunAsync(nameof(ListAsync), connection => ReadAsync(connection, null, "WHERE source = $1 ORDER BY record_id", cancellationToken, source), cancellationToken).ConfigureAwait(false);
        foreach (var record in records)
        {
            yield return record;
        }
    }

    public Task<string?> GetCursorAsync(string source, string stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(stream);
        return database.RunAsync(
            nameof(GetCursorAsync),
            async connection => await ScalarAsync(connection, null, "SELECT cursor FROM crm_sync_cursors WHERE source = $1 AND stream = $2", cancellationToken, source, stream).ConfigureAwait(false) as string,
            cancellationToken);
    }

    public Task SaveCursorAsync(string source, string stream, string cursor, CancellationToken cancellationToken = default)
    {
        CrmSyncRules.CursorKey(source, stream, cursor);
        return database.RunAsync(
            nameof(SaveCursorAsync),
            connection => ExecuteAsync(connection, null, "INSERT INTO crm_sync_cursors (source, stream, cursor) VALUES ($1, $2, $3) ON CONFLICT (source, stream) DO UPDATE SET cursor = excluded.cursor", cancellationToken, source, stream, cursor),
            cancellationToken);
    }

    public Task ResetCursorsAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return database.RunAsync(nameof(ResetCursorsAsync), connection => ExecuteAsync(connection, null, "DELETE FROM crm_sync_cursors WHERE source = $1", cancellationToken, source), cancellationToken);
    }

    private static async Task<List<CrmSyncRecord>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, CancellationToken cancellationToken, params object?[] values)
    {
        var records = new List<CrmSyncRecord>();
        var command = new NpgsqlCommand($"SELECT {Columns} FROM crm_sync_records {where}", connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            AddParameters(command.Parameters, values);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    records.Add(new CrmSyncRecord
                    {
                        Source = reader.GetString(0),
                        RecordId = reader.GetString(1),
                        Version = reader.GetString(2),
                        DraftId = new DraftId(reader.GetGuid(3)),
                        State = Enum.Parse<CrmSyncState>(reader.GetString(4)),
                        HeldReason = reader.IsDBNull(5) ? null : reader.GetString(5),
                        UpdatedAt = Instant.FromUnixTimeTicks(reader.GetInt64(6)),
                    });
                }
            }
        }

        return records;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            AddParameters(command.Parameters, values);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            AddParameters(command.Parameters, values);
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DBNull ? null : value;
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
