using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core;

/// <summary>
/// The JSON form of a schedule (documented in <c>docs/recurring.md</c>), which the database stores keep and the CLI
/// reads: camelCase names, dates as ISO strings, enums by name, the template in the invoice JSON shape. Unknown
/// properties are refused, so a misspelt field never goes unnoticed. Error paths are written as in the invoice JSON
/// (<c>recurrence.dayOfMonth</c>, <c>template.lines[0].vatRate</c>).
/// </summary>
public static class RecurringScheduleJson
{
    private static readonly string[] Known = ["id", "recurrence", "start", "end", "count", "timeZone", "timing", "catchUp", "proration", "template"];

    /// <summary>Writes a schedule as compact JSON.</summary>
    public static string Serialize(RecurringSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", schedule.Id);
            writer.WriteStartObject("recurrence");
            writer.WriteString("frequency", schedule.Recurrence.Frequency.ToString());
            switch (schedule.Recurrence.Frequency)
            {
                case RecurrenceFrequency.Weekly:
                    writer.WriteNumber("weeks", schedule.Recurrence.Weeks);
                    break;
                case RecurrenceFrequency.MonthlyOnDay:
                    writer.WriteNumber("dayOfMonth", schedule.Recurrence.DayOfMonth);
                    break;
                case RecurrenceFrequency.Quarterly or RecurrenceFrequency.Yearly:
                    writer.WriteNumber("dayOfMonth", schedule.Recurrence.DayOfMonth);
                    writer.WriteNumber("month", schedule.Recurrence.Month);
                    break;
            }

            writer.WriteEndObject();
            writer.WriteString("start", LocalDatePattern.Iso.Format(schedule.Start));
            if (schedule.End is { } end)
            {
                writer.WriteString("end", LocalDatePattern.Iso.Format(end));
            }

            if (schedule.Count is { } count)
            {
                writer.WriteNumber("count", count);
            }

            writer.WriteString("timeZone", schedule.TimeZone);
            writer.WriteString("timing", schedule.Timing.ToString());
            writer.WriteString("catchUp", schedule.CatchUp.ToString());
            writer.WriteString("proration", schedule.Proration.ToString());
            writer.WritePropertyName("template");
            writer.WriteRawValue(InvoiceJson.Canonical(schedule.Template), skipInputValidation: true);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a schedule written by <see cref="Serialize"/> or by hand; it is not yet checked against the rules (the store does that).</summary>
    /// <exception cref="InvoiceFormatException">The text is not JSON or not a schedule: the message names the field.</exception>
    public static RecurringSchedule Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new InvoiceFormatException("The schedule is not valid JSON: " + exception.Message, null, exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvoiceFormatException("A schedule is a JSON object.");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (Array.IndexOf(Known, property.Name) < 0)
                {
                    throw new InvoiceFormatException($"'{property.Name}' is not a schedule field (expected one of {string.Join(", ", Known)}).", property.Name);
                }
            }

            try
            {
                return new RecurringSchedule
                {
                    Id = Text(root, "id", required: true)!,
                    Recurrence = ReadRecurrence(Property(root, "recurrence", required: true)!.Value),
                    Start = Date(root, "start", required: true)!.Value,
                    End = Date(root, "end", required: false),
                    Count = Number(root, "count", "count"),
                    TimeZone = Text(root, "timeZone", required: true)!,
                    Timing = Name<BillingTiming>(root, "timing") ?? BillingTiming.InAdvance,
                    CatchUp = Name<CatchUpMode>(root, "catchUp") ?? CatchUpMode.OnePerPeriod,
                    Proration = Name<ProrationMode>(root, "proration") ?? ProrationMode.ByDays,
                    Template = ReadTemplate(Property(root, "template", required: true)!.Value),
                };
            }
            catch (InvoiceValidationException exception)
            {
                var issue = exception.Issues[0];
                throw new InvoiceFormatException(issue.Message, issue.Path, exception);
            }
        }
    }

    private static Recurrence ReadRecurrence(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvoiceFormatException("The recurrence is an object with a frequency.", "recurrence");
        }

        var frequency = Name<RecurrenceFrequency>(element, "frequency", "recurrence.frequency")
            ?? throw new InvoiceFormatException("The recurrence needs a frequency (MonthlyOnDay, EndOfMonth, Quarterly, Yearly or Weekly).", "recurrence.frequency");
        int Need(string name) => Number(element, name, "recurrence." + name)
            ?? throw new InvoiceFormatException($"A {frequency} recurrence needs '{name}'.", "recurrence." + name);
        return frequency switch
        {
            RecurrenceFrequency.MonthlyOnDay => Recurrence.MonthlyOnDay(Need("dayOfMonth")),
            RecurrenceFrequency.EndOfMonth => Recurrence.EndOfMonth(),
            RecurrenceFrequency.Quarterly => Recurrence.Quarterly(Number(element, "dayOfMonth", "recurrence.dayOfMonth") ?? 1, Number(element, "month", "recurrence.month") ?? 1),
            RecurrenceFrequency.Yearly => Recurrence.Yearly(Need("month"), Need("dayOfMonth")),
            _ => Recurrence.EveryWeeks(Need("weeks")),
        };
    }

    private static Invoice ReadTemplate(JsonElement element)
    {
        try
        {
            return InvoiceJson.Deserialize(element.GetRawText());
        }
        catch (InvoiceFormatException exception)
        {
            var path = exception.Path is { Length: > 0 } inner ? (inner[0] == '[' ? "template" + inner : "template." + inner) : "template";
            throw new InvoiceFormatException("The template is not an invoice draft: " + exception.Message, path, exception);
        }
    }

    private static JsonElement? Property(JsonElement element, string name, bool required)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        return required ? throw new InvoiceFormatException($"The schedule has no '{name}'.", name) : null;
    }

    private static string? Text(JsonElement element, string name, bool required) =>
        Property(element, name, required) is { } value
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw new InvoiceFormatException($"'{name}' is a string.", name)
            : null;

    private static LocalDate? Date(JsonElement element, string name, bool required)
    {
        if (Text(element, name, required) is not { } text)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw new InvoiceFormatException($"'{text}' is not an ISO 8601 date (yyyy-MM-dd).", name);
    }

    private static int? Number(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new InvoiceFormatException(string.Create(CultureInfo.InvariantCulture, $"'{name}' is a whole number."), path);
    }

    private static T? Name<T>(JsonElement element, string name, string? path = null)
        where T : struct, Enum
    {
        path ??= name;
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && Enum.TryParse<T>(value.GetString(), ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
                && !char.IsDigit(value.GetString()![0])
            ? parsed
            : throw new InvoiceFormatException($"'{value}' is not one of {string.Join(", ", Enum.GetNames<T>())}.", path);
    }
}
