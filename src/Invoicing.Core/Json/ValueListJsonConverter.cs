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

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var element = typeToConvert.GetGenericArguments()[0];
        return ForModelElement(element) ?? ForOtherElement(element);
    }

    /// <summary>
    /// The model's element types, spelled out: Native AOT compiles only the instantiations it sees, and cannot
    /// make one for a value type (Identifier, decimal) at run time.
    /// </summary>
    internal static JsonConverter? ForModelElement(Type element) =>
        element == typeof(Identifier) ? new ValueListJsonConverter<Identifier>()
        : element == typeof(decimal) ? new ValueListJsonConverter<decimal>()
        : element == typeof(AllowanceCharge) ? new ValueListJsonConverter<AllowanceCharge>()
        : element == typeof(AppliedCredit) ? new ValueListJsonConverter<AppliedCredit>()
        : element == typeof(CreditTransfer) ? new ValueListJsonConverter<CreditTransfer>()
        : element == typeof(InvoiceLine) ? new ValueListJsonConverter<InvoiceLine>()
        : element == typeof(InvoiceNote) ? new ValueListJsonConverter<InvoiceNote>()
        : element == typeof(ItemAttribute) ? new ValueListJsonConverter<ItemAttribute>()
        : element == typeof(Payment) ? new ValueListJsonConverter<Payment>()
        : element == typeof(PrecedingInvoiceReference) ? new ValueListJsonConverter<PrecedingInvoiceReference>()
        : element == typeof(SupportingDocument) ? new ValueListJsonConverter<SupportingDocument>()
        : element == typeof(ValidationIssue) ? new ValueListJsonConverter<ValidationIssue>()
        : element == typeof(VatBreakdown) ? new ValueListJsonConverter<VatBreakdown>()
        : element == typeof(VatExemption) ? new ValueListJsonConverter<VatExemption>()
        : null;

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "A reference-type element shares the compiled code of the model's instantiations above.")]
    [UnconditionalSuppressMessage("Trimming", "IL2071", Justification = "As above.")]
    private static JsonConverter ForOtherElement(Type element) =>
        (JsonConverter)Activator.CreateInstance(typeof(ValueListJsonConverter<>).MakeGenericType(element))!;
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
