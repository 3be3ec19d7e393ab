using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core.Json;

/// <summary>
/// Finds the first value of well-formed JSON that does not fit the shape a type expects, walking the document
/// alongside the serializer's metadata: an unknown field, a missing required one, a null, a value of the wrong
/// kind or out of range. Runs only after reading failed, to say why in a user's words.
/// </summary>
internal static class JsonShapeDiagnosis
{
    /// <summary>The first misfit of <paramref name="document"/> against <paramref name="root"/>, or null when none is found.</summary>
    public static JsonProblem? Find(JsonElement document, JsonTypeInfo root, string what)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            return new JsonProblem($"The JSON must be an object {{ ... }} holding {what}, got {Got(document)}.");
        }

        return CheckObject(document, root.Type, root.Options, string.Empty);
    }

    private static JsonProblem? Check(JsonElement value, Type type, bool nullAllowed, JsonSerializerOptions options, string path)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return nullAllowed || IsValueList(underlying) ? null : Problem(path, "cannot be null: give a value or leave the field out");
        }

        if (underlying == typeof(string))
        {
            return value.ValueKind == JsonValueKind.String ? null : Mismatch(path, "text in quotes", value);
        }

        if (underlying == typeof(decimal))
        {
            return value.ValueKind != JsonValueKind.Number ? Mismatch(path, "a number", value)
                : value.TryGetDecimal(out _) ? null
                : Problem(path, $"is out of range: numbers have at most 28 significant digits, got the number {Shorten(value.GetRawText())}");
        }

        if (underlying == typeof(int) || (underlying.IsEnum && underlying.GetCustomAttribute<JsonConverterAttribute>() is null))
        {
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _) ? null : Mismatch(path, "a whole number", value);
        }

        if (underlying == typeof(long))
        {
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _) ? null : Mismatch(path, "a whole number", value);
        }

        if (underlying == typeof(bool))
        {
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : Mismatch(path, "true or false", value);
        }

        if (underlying == typeof(LocalDate))
        {
            return value.ValueKind == JsonValueKind.String && LocalDatePattern.Iso.Parse(value.GetString()!).Success ? null
                : Mismatch(path, "a date written YYYY-MM-DD", value);
        }

        if (underlying == typeof(Instant))
        {
            return value.ValueKind == JsonValueKind.String && InstantPattern.ExtendedIso.Parse(value.GetString()!).Success ? null
                : Mismatch(path, "a UTC time written YYYY-MM-DDThh:mm:ssZ", value);
        }

        if (underlying == typeof(Currency))
        {
            return value.ValueKind == JsonValueKind.String && Currency.TryFromCode(value.GetString(), out _) ? null
                : Mismatch(path, "an ISO 4217 currency code such as EUR", value);
        }

        if (underlying.IsEnum)
        {
            var names = Enum.GetNames(underlying);
            return value.ValueKind == JsonValueKind.String && names.Contains(value.GetString(), StringComparer.OrdinalIgnoreCase) ? null
                : Mismatch(path, $"one of {string.Join(", ", names)}", value);
        }

        if (IsValueList(underlying))
        {
            return CheckArray(value, underlying.GetGenericArguments()[0], options, path);
        }

        return options.GetTypeInfo(underlying).Kind == JsonTypeInfoKind.Object
            ? value.ValueKind == JsonValueKind.Object ? CheckObject(value, underlying, options, path) : Mismatch(path, "an object { ... }", value)
            : null;
    }

    private static JsonProblem? CheckArray(JsonElement value, Type element, JsonSerializerOptions options, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Mismatch(path, "an array [ ... ]", value);
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var problem = Check(item, element, nullAllowed: false, options, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"));
            if (problem is not null)
            {
                return problem;
            }

            index++;
        }

        return null;
    }

    private static JsonProblem? CheckObject(JsonElement value, Type type, JsonSerializerOptions options, string path)
    {
        var properties = options.GetTypeInfo(type).Properties;
        foreach (var field in value.EnumerateObject())
        {
            var property = properties.FirstOrDefault(p => p.Name == field.Name);
            var fieldPath = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            if (property is null)
            {
                return new JsonProblem(
                    $"Unknown field '{Shorten(field.Name)}'{JsonFieldNames.Within(path)}: check its spelling against the documented fields.", fieldPath);
            }

            var problem = Check(field.Value, property.PropertyType, NullAllowed(property), options, fieldPath);
            if (problem is not null)
            {
                return problem;
            }
        }

        foreach (var property in properties)
        {
            if (IsRequired(property) && !value.TryGetProperty(property.Name, out _))
            {
                var fieldPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                return Problem(fieldPath, "is required but missing");
            }
        }

        return null;
    }

    private static bool NullAllowed(JsonPropertyInfo property) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : property.IsSetNullable && (property.AssociatedParameter?.IsNullable ?? true);

    private static bool IsRequired(JsonPropertyInfo property) =>
        property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false, IsMemberInitializer: false };

    private static bool IsValueList(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueList<>);

    private static JsonProblem Mismatch(string path, string expected, JsonElement value) =>
        Problem(path, $"must be {expected}, got {Got(value)}");

    private static JsonProblem Problem(string path, string predicate) =>
        new($"{JsonFieldNames.Subject(path)} {predicate}.", path);

    /// <summary>The value as a user would name it: <c>the text "abc"</c>, <c>the number 12</c>, <c>an array</c>.</summary>
    private static string Got(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the text \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
