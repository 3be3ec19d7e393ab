using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Json;

/// <summary>Reads and writes a <see cref="Currency"/> as its ISO 4217 code.</summary>
internal sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var code = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Currency.TryFromCode(code, out var currency)
            ? currency
            : throw new JsonException($"'{code}' is not a known ISO 4217 currency code.");
    }

    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Code);
}
