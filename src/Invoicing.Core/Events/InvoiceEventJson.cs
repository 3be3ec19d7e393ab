using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;
using NodaTime.Text;

namespace Invoicing.Core;

/// <summary>
/// The JSON of invoice events: the body a webhook sends, and the data map stores keep in their outbox. Written by hand
/// with <see cref="Utf8JsonWriter"/> (no reflection, the same bytes on every platform); keys in a fixed order.
/// </summary>
public static class InvoiceEventJson
{
    /// <summary>
    /// The event as compact UTF-8 JSON: <c>{"id","position","type","invoiceNumber","customerKey","currency","amount","occurredAt","data"}</c>,
    /// <c>amount</c> a JSON number or null, <c>occurredAt</c> ISO 8601 UTC, <c>data</c> an object of strings sorted by key.
    /// </summary>
    public static byte[] Serialize(InvoiceEvent invoiceEvent)
    {
        ArgumentNullException.ThrowIfNull(invoiceEvent);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", invoiceEvent.Id);
            writer.WriteNumber("position", invoiceEvent.Position);
            writer.WriteString("type", InvoiceEventKinds.Name(invoiceEvent.Kind));
            writer.WriteString("invoiceNumber", invoiceEvent.InvoiceNumber);
            writer.WriteString("customerKey", invoiceEvent.CustomerKey);
            writer.WriteString("currency", invoiceEvent.Currency.Code);
            if (invoiceEvent.Amount is { } amount)
            {
                writer.WriteNumber("amount", amount);
            }
            else
            {
                writer.WriteNull("amount");
            }

            writer.WriteString("occurredAt", InstantPattern.ExtendedIso.Format(invoiceEvent.OccurredAt));
            writer.WritePropertyName("data");
            WriteData(writer, invoiceEvent.Data);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A data map as a compact JSON object of strings, sorted by key.</summary>
    public static string SerializeData(IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteData(writer, data);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a data map written by <see cref="SerializeData"/>.</summary>
    /// <exception cref="InvoiceFormatException">The text is not a JSON object of strings.</exception>
    public static IReadOnlyDictionary<string, string> DeserializeData(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvoiceFormatException("The event data is not a JSON object.", "data");
            }

            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                map[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : throw new InvoiceFormatException($"The event data '{property.Name}' is not text.", "data." + property.Name);
            }

            return map.Count == 0 ? InvoiceEvents.NoData : new ReadOnlyDictionary<string, string>(map);
        }
        catch (JsonException exception)
        {
            throw new InvoiceFormatException("The event data is not JSON: " + exception.Message, "data", exception);
        }
    }

    private static void WriteData(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> data)
    {
        writer.WriteStartObject();
        foreach (var key in data.Keys.Order(StringComparer.Ordinal))
        {
            writer.WriteString(key, data[key]);
        }

        writer.WriteEndObject();
    }
}
