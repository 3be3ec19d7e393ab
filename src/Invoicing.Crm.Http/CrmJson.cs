using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Crm.Http;

/// <summary>
/// Reads the CRMs' JSON. A body that does not parse, or a field of the wrong kind, becomes a <see cref="CrmException"/>
/// naming the source, the record and the field: the user sees which deal to fix, never a parser's message. Absent and
/// null fields read as null, so the sync can hold a draft naming what is missing instead of inventing it.
/// </summary>
internal static class CrmJson
{
    /// <summary>The most a CRM's nesting is allowed: their documents are a few levels deep, a hostile one is not.</summary>
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Parses a response body, or throws a typed error naming what was being read.</summary>
    public static async Task<JsonDocument> ParseAsync(HttpResponseMessage response, CrmRecordRef what, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonDocument.ParseAsync(stream, DocumentOptions, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException)
        {
            throw CrmErrors.Malformed(what, null, "is not valid JSON");
        }
    }

    /// <summary>A child object or array; throws when present with another kind, returns default when absent or null.</summary>
    public static JsonElement? Optional(JsonElement parent, string field, JsonValueKind kind, CrmRecordRef record)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            throw CrmErrors.Malformed(record, null, "is not a JSON object");
        }

        if (!parent.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind ? value : throw CrmErrors.Malformed(record, field, $"is not {Describe(kind)}");
    }

    /// <summary>A child that must be there with the given kind.</summary>
    public static JsonElement Required(JsonElement parent, string field, JsonValueKind kind, CrmRecordRef record)
        => Optional(parent, field, kind, record) ?? throw CrmErrors.Malformed(record, field, "is missing");

    /// <summary>A text field; numbers and booleans are read as their JSON text (CRMs send ids both ways). Blank reads as null.</summary>
    public static string? OptionalString(JsonElement parent, string field, CrmRecordRef record)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            throw CrmErrors.Malformed(record, null, "is not a JSON object");
        }

        if (!parent.TryGetProperty(field, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => throw CrmErrors.Malformed(record, field, "is not a text value"),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>A text field that must be there.</summary>
    public static string RequiredString(JsonElement parent, string field, CrmRecordRef record)
        => OptionalString(parent, field, record) ?? throw CrmErrors.Malformed(record, field, "is missing");

    /// <summary>
    /// A number, sent as a JSON number or as text (HubSpot sends every property as text): read as decimal in the
    /// invariant culture, never through double, so 0.1 stays 0.1.
    /// </summary>
    public static decimal? OptionalDecimal(JsonElement parent, string field, CrmRecordRef record)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            throw CrmErrors.Malformed(record, null, "is not a JSON object");
        }

        if (!parent.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetDecimal(out var number) ? number : throw CrmErrors.Malformed(record, field, "is a number out of range");
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return ParseDecimal(value.GetString(), field, record);
        }

        throw CrmErrors.Malformed(record, field, "is not a number");
    }

    /// <summary>Decimal text in the invariant culture (a dot, no thousands separator); blank reads as null.</summary>
    public static decimal? ParseDecimal(string? text, string field, CrmRecordRef record)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw CrmErrors.Malformed(record, field, $"is not a number: '{CrmErrors.Excerpt(text)}'");
    }

    /// <summary>A payment delay: a whole number of days from 0 to 3660, as the mapping accepts, sent as a number or as text.</summary>
    public static int? OptionalDays(JsonElement parent, string field, CrmRecordRef record)
    {
        var days = OptionalDecimal(parent, field, record);
        return days switch
        {
            null => null,
            >= 0 and <= 3660 when decimal.Truncate(days.Value) == days.Value => (int)days.Value,
            _ => throw CrmErrors.Malformed(record, field, "is not a whole number of days from 0 to 3660"),
        };
    }

    /// <summary>"First Last" from the parts a CRM has, or null when it has neither.</summary>
    public static string? PersonName(string? first, string? last)
    {
        var name = string.Join(' ', new[] { first, last }.Where(part => part is not null));
        return name.Length == 0 ? null : name;
    }

    /// <summary>A boolean sent as JSON true/false or as the text "true"/"false" (HubSpot).</summary>
    public static bool? OptionalBoolean(JsonElement parent, string field, CrmRecordRef record)
    {
        var text = OptionalString(parent, field, record);
        return text switch
        {
            null => null,
            _ when bool.TryParse(text, out var flag) => flag,
            _ => throw CrmErrors.Malformed(record, field, $"is not true or false: '{CrmErrors.Excerpt(text)}'"),
        };
    }

    /// <summary>An instant in ISO 8601 with an offset (<c>2024-05-01T10:00:00+05:30</c>, <c>...Z</c>, <c>.000+0000</c>) or in Unix milliseconds (HubSpot).</summary>
    public static Instant? OptionalInstant(JsonElement parent, string field, CrmRecordRef record)
    {
        var text = OptionalString(parent, field, record);
        if (text is null)
        {
            return null;
        }

        if (text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds <= 253_402_300_799_999)
        {
            return Instant.FromUnixTimeMilliseconds(milliseconds);
        }

        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && (text.EndsWith('Z') || text.Length > 6 && text[^6] is '+' or '-'))
        {
            return Instant.FromDateTimeOffset(instant);
        }

        // Salesforce writes the offset without a colon (+0000), which the ISO pattern refuses.
        return TryParseCompactOffset(text) ?? throw CrmErrors.Malformed(record, field, $"is not a date and time: '{CrmErrors.Excerpt(text)}'");
    }

    /// <summary>A calendar date <c>yyyy-MM-dd</c>, or the date part of an instant (HubSpot sends <c>closedate</c> as an instant).</summary>
    public static LocalDate? OptionalDate(JsonElement parent, string field, CrmRecordRef record)
    {
        var text = OptionalString(parent, field, record);
        if (text is null)
        {
            return null;
        }

        var date = LocalDatePattern.Iso.Parse(text);
        if (date.Success)
        {
            return date.Value;
        }

        return OptionalInstant(parent, field, record) is { } instant
            ? instant.InUtc().Date
            : null;
    }

    /// <summary>Items of an array field; none when absent or null.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement parent, string field, CrmRecordRef record)
        => Optional(parent, field, JsonValueKind.Array, record) is { } array ? array.EnumerateArray() : [];

    private static Instant? TryParseCompactOffset(string text)
    {
        // 2024-05-01T10:00:00.000+0200: insert the colon the parser wants.
        if (text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && text[^4..].All(char.IsAsciiDigit))
        {
            var withColon = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
            if (DateTimeOffset.TryParseExact(withColon, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return Instant.FromDateTimeOffset(instant);
            }
        }

        return null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        _ => "of the expected kind",
    };
}
