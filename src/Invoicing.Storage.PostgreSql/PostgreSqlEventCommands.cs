using Invoicing.Core;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Invoicing.Storage.PostgreSql;

/// <summary>
/// The statements that append to the outbox through <c>record_invoice_event</c> (migration 0005), for the store, the
/// reminder journal and the settings store to add to their own transactions.
/// </summary>
internal static class PostgreSqlEventCommands
{
    /// <summary>Appends <paramref name="invoiceEvent"/>; the statement answers its position.</summary>
    public static NpgsqlBatchCommand Record(InvoiceEvent invoiceEvent)
    {
        var command = new NpgsqlBatchCommand("SELECT record_invoice_event($1, $2, $3, $4, $5, $6, $7, $8)");
        command.Parameters.Add(new NpgsqlParameter { Value = invoiceEvent.Id, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(Text(InvoiceEventKinds.Name(invoiceEvent.Kind)));
        command.Parameters.Add(Text(invoiceEvent.InvoiceNumber));
        command.Parameters.Add(Text(invoiceEvent.CustomerKey));
        command.Parameters.Add(Text(invoiceEvent.Currency.Code));
        command.Parameters.Add(new NpgsqlParameter { Value = invoiceEvent.Amount is { } amount ? amount : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Numeric });
        command.Parameters.Add(new NpgsqlParameter { Value = invoiceEvent.OccurredAt.ToUnixTimeTicks(), NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(Text(InvoiceEventJson.SerializeData(invoiceEvent.Data)));
        return command;
    }

    /// <summary>
    /// Appends an event about an invoice known only by its number (a reminder, a dispute), with its customer and currency
    /// from the archive; appends nothing when the schema holds no such invoice.
    /// </summary>
    public static NpgsqlCommand RecordForNumber(NpgsqlConnection connection, NpgsqlTransaction transaction, InvoiceEventKind kind, string invoiceNumber, Instant at, IReadOnlyDictionary<string, string> data)
    {
        var command = new NpgsqlCommand(
            "SELECT record_invoice_event(gen_random_uuid(), $1, i.number, i.customer_key, i.currency, NULL, $2, $3) FROM issued i WHERE i.number = $4",
            connection,
            transaction);
        command.Parameters.Add(Text(InvoiceEventKinds.Name(kind)));
        command.Parameters.Add(new NpgsqlParameter { Value = at.ToUnixTimeTicks(), NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(Text(InvoiceEventJson.SerializeData(data)));
        command.Parameters.Add(Text(invoiceNumber));
        return command;
    }

    private static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };
}
