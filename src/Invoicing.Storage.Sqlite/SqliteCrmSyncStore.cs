using System.Runtime.CompilerServices;
using Invoicing.Core;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Invoicing.Storage.Sqlite;

/// <summary>
/// The CRM sync ledger in the store's SQLite file, sharing its write connection. Applying a change is one
/// <c>BEGIN IMMEDIATE</c> transaction: read the ledger row and whether the draft is there, decide
/// (<see cref="CrmSyncRules.Decide"/>), write the draft and the row. SQLite admits one writer at a time, so two syncs
/// (threads or processes) applying the same record queue, and the second finds the first's row.
/// </summary>
internal sealed class SqliteCrmSyncStore(SqliteInvoiceStore store) : ICrmSyncStore
{
    private const string Columns = "source, record_id, version, draft_id, state, held_reason, updated_at";

    public Task<CrmSyncOutcome> ApplyAsync(CrmSyncChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var json = change.Draft is null ? null : InvoiceJson.Serialize(change.Draft);
        var draftId = change.DraftId.ToString();
        return store.WriteAsync("ApplyAsync", async (connection, transaction) =>
        {
            var existing = await ReadAsync(connection, transaction, change.Source, change.RecordId, cancellationToken).ConfigureAwait(false);
            var draftExists = existing is not null
                && await store.ScalarAsync<long?>(connection, transaction, "SELECT 1 FROM drafts WHERE id = $id", cancellationToken, ("$id", draftId)).ConfigureAwait(false) is not null;
            var decision = CrmSyncRules.Decide(existing, draftExists, change);
            var outcome = decision.Outcome;
            switch (decision.DraftAction)
            {
                case CrmDraftAction.Write when outcome == CrmSyncOutcome.Updated:
                    await store.ExecuteAsync(connection, transaction, "UPDATE drafts SET document_json = $json WHERE id = $id", cancellationToken, ("$id", draftId), ("$json", json)).ConfigureAwait(false);
                    break;
                case CrmDraftAction.Write:
                    await store.ExecuteAsync(connection, transaction, "INSERT INTO drafts (id, document_json) VALUES ($id, $json) ON CONFLICT (id) DO UPDATE SET document_json = excluded.document_json", cancellationToken, ("$id", draftId), ("$json", json)).ConfigureAwait(false);
                    break;
                case CrmDraftAction.Delete:
                    await store.ExecuteAsync(connection, transaction, "DELETE FROM drafts WHERE id = $id", cancellationToken, ("$id", draftId)).ConfigureAwait(false);
                    break;
            }

            if (decision.NewState is { } state)
            {
                await store.ExecuteAsync(
                    connection,
                    transaction,
                    $"""
                    INSERT INTO crm_sync_records ({Columns}) VALUES ($source, $record, $version, $draft, $state, $reason, $at)
                    ON CONFLICT (source, record_id) DO UPDATE SET version = excluded.version, state = excluded.state, held_reason = excluded.held_reason, updated_at = excluded.updated_at
                    """,
                    cancellationToken,
                    ("$source", change.Source),
                    ("$record", change.RecordId),
                    ("$version", change.Version),
                    ("$draft", draftId),
                    ("$state", state.ToString()),
                    ("$reason", state == CrmSyncState.Held ? change.HeldReason : null),
                    ("$at", change.Now.ToUnixTimeTicks())).ConfigureAwait(false);
            }

            return outcome;
        }, cancellationToken);
    }

    public Task<CrmSyncRecord?> GetAsync(string source, string recordId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(recordId);
        return store.ReadAsync("GetAsync", connection => ReadAsync(connection, null, source, recordId, cancellationToken), cancellationToken);
    }

    public async IAsyncEnumerable<CrmSyncRecord> ListAsync(string source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var records = await store.ReadAsync("ListAsync", connection => ReadManyAsync(connection, null, "WHERE source = $source ORDER BY record_id", cancellationToken, ("$source", source)), cancellationToken).ConfigureAwait(false);
        foreach (var record in records)
        {
            yield return record;
        }
    }

    public Task<string?> GetCursorAsync(string source, string stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(stream);
        return store.ReadAsync(
            "GetCursorAsync",
            connection => store.ScalarAsync<string>(connection, null, "SELECT cursor FROM crm_sync_cursors WHERE source = $source AND stream = $stream", cancellationToken, ("$source", source), ("$stream", stream)),
            cancellationToken);
    }

    public Task SaveCursorAsync(string source, string stream, string cursor, CancellationToken cancellationToken = default)
    {
        CrmSyncRules.CursorKey(source, stream, cursor);
        return store.WriteAsync(
            "SaveCursorAsync",
            (connection, transaction) => store.ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO crm_sync_cursors (source, stream, cursor) VALUES ($source, $stream, $cursor) ON CONFLICT (source, stream) DO UPDATE SET cursor = excluded.cursor",
                cancellationToken,
                ("$source", source),
                ("$stream", stream),
                ("$cursor", cursor)),
            cancellationToken);
    }

    public Task ResetCursorsAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return store.WriteAsync("ResetCursorsAsync", (connection, transaction) => store.ExecuteAsync(connection, transaction, "DELETE FROM crm_sync_cursors WHERE source = $source", cancellationToken, ("$source", source)), cancellationToken);
    }

    private static async Task<CrmSyncRecord?> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string source, string recordId, CancellationToken cancellationToken) =>
        (await ReadManyAsync(connection, transaction, "WHERE source = $source AND record_id = $record", cancellationToken, ("$source", source), ("$record", recordId)).ConfigureAwait(false)).FirstOrDefault();

    private static async Task<List<CrmSyncRecord>> ReadManyAsync(SqliteConnection connection, SqliteTransaction? transaction, string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var records = new List<CrmSyncRecord>();
        var command = SqliteInvoiceStore.Command(connection, transaction, $"SELECT {Columns} FROM crm_sync_records {where}", parameters);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(new CrmSyncRecord
            {
                Source = reader.GetString(0),
                RecordId = reader.GetString(1),
                Version = reader.GetString(2),
                DraftId = new DraftId(Guid.ParseExact(reader.GetString(3), "N")),
                State = Enum.Parse<CrmSyncState>(reader.GetString(4)),
                HeldReason = reader.IsDBNull(5) ? null : reader.GetString(5),
                UpdatedAt = Instant.FromUnixTimeTicks(reader.GetInt64(6)),
            });
        }

        return records;
    }
}
