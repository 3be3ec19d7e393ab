using Invoicing.Core;
using Invoicing.Core.Json;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Invoicing.Storage.PostgreSql;

/// <summary>
/// Received supplier documents in PostgreSQL. Adding is one <c>INSERT ... ON CONFLICT DO NOTHING</c> on the flow id,
/// so a flow fetched twice, by one host instance or several at once, is kept once.
/// </summary>
internal sealed class PostgreSqlReceivedDocumentStore(PostgreSqlDatabase database) : IReceivedDocumentStore
{
    private const string Columns = "flow_id, received_at, syntax, file_name, content, invoice, issues, buyer_status, buyer_status_at";

    public Task<bool> AddAsync(ReceivedDocument document, CancellationToken cancellationToken = default)
    {
        ReceivedDocuments.Check(document);
        return database.RunAsync(nameof(AddAsync), async connection => await ExecuteAsync(
            connection,
            $"INSERT INTO received_documents ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (flow_id) DO NOTHING",
            cancellationToken,
            Text(document.FlowId),
            Ticks(document.ReceivedAt),
            Text(document.Syntax),
            Text(document.FileName),
            new NpgsqlParameter { Value = document.Content.ToArray(), NpgsqlDbType = NpgsqlDbType.Bytea },
            Text(document.Invoice is { } invoice ? InvoiceJson.Serialize(invoice) : null),
            Text(ReceivedDocuments.SerializeIssues(document.Issues)),
            Text(document.BuyerStatus),
            Ticks(document.BuyerStatusAt)).ConfigureAwait(false) == 1, cancellationToken);
    }

    public Task<ReceivedDocument?> GetAsync(string flowId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flowId);
        return database.RunAsync(nameof(GetAsync), async connection =>
            (await QueryAsync(connection, "WHERE flow_id = $1", cancellationToken, Text(flowId)).ConfigureAwait(false)).SingleOrDefault(), cancellationToken);
    }

    public Task<IReadOnlyList<ReceivedDocument>> ListAsync(bool awaitingStatusOnly = false, int maxCount = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var filter = awaitingStatusOnly ? "WHERE buyer_status IS NULL " : string.Empty;
        return database.RunAsync(nameof(ListAsync), connection => QueryAsync(connection, filter + "ORDER BY received_at, flow_id LIMIT $1", cancellationToken, new NpgsqlParameter { Value = maxCount }), cancellationToken);
    }

    public Task<bool> RecordBuyerStatusAsync(string flowId, string status, Instant sentAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flowId);
        ReceivedDocuments.CheckStatus(status);
        return database.RunAsync(nameof(RecordBuyerStatusAsync), async connection => await ExecuteAsync(
            connection,
            "UPDATE received_documents SET buyer_status = $2, buyer_status_at = $3 WHERE flow_id = $1",
            cancellationToken,
            Text(flowId),
            Text(status),
            Ticks(sentAt)).ConfigureAwait(false) == 1, cancellationToken);
    }

    private static async Task<IReadOnlyList<ReceivedDocument>> QueryAsync(NpgsqlConnection connection, string where, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand($"SELECT {Columns} FROM received_documents {where}", connection);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.AddRange(parameters);
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

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Ticks(Instant? instant) => new() { Value = instant is { } at ? at.ToUnixTimeTicks() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint };
}
