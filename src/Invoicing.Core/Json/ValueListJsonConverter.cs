using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Invoicing.Core.Json;

/// <summary>Creates the converter of a <see cref="ValueList{T}"/>: a JSON array; null reads as empty.</summary>
internal sealed class ValueListJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "ValueList element types are the model's, all rooted by InvoiceJsonContext.")]
    [UnconditionalSuppressMessage("Trimming", "IL2071", Justification = "As above.")]
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ValueListJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

/// <summary>Reads and writes a <see cref="ValueList{T}"/> as a JSON array, elements through the options' type info; a null item is refused.</summary>
internal sealed class ValueListJsonConverter<T> : JsonConverter<ValueList<T>>
{
    public override bool HandleNull => true;

    public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return ValueList<T>.Empty;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array.");
        }

        var element = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(JsonSerializer.Deserialize(ref reader, element) ?? throw new JsonException("A list item is null."));
        }

        return ValueList<T>.From(items);
    }

    public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options)
    {
        var element = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, element);
        }

        writer.WriteEndArray();
    }
}
