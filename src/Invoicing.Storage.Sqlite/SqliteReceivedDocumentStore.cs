using Invoicing.Core;
using Invoicing.Core.Json;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Invoicing.Storage.Sqlite;

/// <summary>
/// Received supplier documents in the store's SQLite file, sharing its write connection. Adding is one
/// <c>INSERT ... ON CONFLICT DO NOTHING</c> on the flow id, so a flow fetched twice, by one process or two, is kept once.
/// </summary>
internal sealed class SqliteReceivedDocumentStore(SqliteInvoiceStore store) : IReceivedDocumentStore
{
    private const string Columns = "flow_id, received_at, syntax, file_name, content, invoice_json, issues_json, buyer_status, buyer_status_at";

    public Task<bool> AddAsync(ReceivedDocument document, CancellationToken cancellationToken = default)
    {
        ReceivedDocuments.Check(document);
        return store.WriteAsync("AddAsync", async (connection, transaction) =>
        {
            var command = SqliteInvoiceStore.Command(
                connection,
                transaction,
                $"INSERT INTO received_documents ({Columns}) VALUES ($flow, $received, $syntax, $file, $content, $invoice, $issues, $status, $statusAt) ON CONFLICT (flow_id) DO NOTHING",
                ("$flow", document.FlowId),
                ("$received", document.ReceivedAt.ToUnixTimeTicks()),
                ("$syntax", document.Syntax),
                ("$file", document.FileName),
                ("$content", document.Content.ToArray()),
                ("$invoice", document.Invoice is { } invoice ? InvoiceJson.Serialize(invoice) : null),
                ("$issues", ReceivedDocuments.SerializeIssues(document.Issues)),
                ("$status", document.BuyerStatus),
                ("$statusAt", document.BuyerStatusAt?.ToUnixTimeTicks()));
            await using var commandScope = command.ConfigureAwait(false);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    public Task<ReceivedDocument?> GetAsync(string flowId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flowId);
        return store.ReadAsync("GetAsync", async connection =>
            (await QueryAsync(connection, "WHERE flow_id = $flow", [("$flow", flowId)], cancellationToken).ConfigureAwait(false)).SingleOrDefault(), cancellationToken);
    }

    public Task<IReadOnlyList<ReceivedDocument>> ListAsync(bool awaitingStatusOnly = false, int maxCount = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var filter = awaitingStatusOnly ? "WHERE buyer_status IS NULL " : string.Empty;
        return store.ReadAsync("ListAsync", connection => QueryAsync(connection, filter + "ORDER BY received_at, flow_id LIMIT $max", [("$max", maxCount)], cancellationToken), cancellationToken);
    }

    public Task<bool> RecordBuyerStatusAsync(string flowId, string status, Instant sentAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flowId);
        ReceivedDocuments.CheckStatus(status);
        return store.WriteAsync("RecordBuyerStatusAsync", async (connection, transaction) =>
        {
            var command = SqliteInvoiceStore.Command(
                connection,
                transaction,
                "UPDATE received_documents SET buyer_status = $status, buyer_status_at = $at WHERE flow_id = $flow",
                ("$flow", flowId),
                ("$status", status),
                ("$at", sentAt.ToUnixTimeTicks()));
            await using var commandScope = command.ConfigureAwait(false);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    private static async Task<IReadOnlyList<ReceivedDocument>> QueryAsync(SqliteConnection connection, string where, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        var command = SqliteInvoiceStore.Command(connection, null, $"SELECT {Columns} FROM received_documents {where}", parameters);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var documents = new List<ReceivedDocument>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            documents.Add(ReceivedDocuments.FromStored(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                (byte[])reader.GetValue(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetInt64(8)));
        }

        return documents;
    }
}
