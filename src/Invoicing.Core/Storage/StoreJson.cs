using System.Text.Json;
using Invoicing.Core.Json;

namespace Invoicing.Core;

/// <summary>
/// The JSON forms stores keep beside the frozen document: the payments and applied credits of an account, compact,
/// in the same shape as the invoice JSON (dates as ISO strings, amounts as numbers).
/// </summary>
public static class StoreJson
{
    private static readonly InvoiceJsonContext Compact = new(new JsonSerializerOptions(InvoiceJsonContext.Default.Options) { WriteIndented = false });

    /// <summary>Writes payments as a compact JSON array.</summary>
    public static string SerializePayments(IEnumerable<Payment> payments) =>
        JsonSerializer.Serialize(ValueList<Payment>.From(payments), Compact.ValueListPayment);

    /// <summary>Reads payments written by <see cref="SerializePayments"/>.</summary>
    /// <exception cref="InvoiceFormatException">The text is not a list of payments.</exception>
    public static ValueList<Payment> DeserializePayments(string json) => Read(json, Compact.ValueListPayment);

    /// <summary>Writes applied credits as a compact JSON array.</summary>
    public static string SerializeCredits(IEnumerable<AppliedCredit> credits) =>
        JsonSerializer.Serialize(ValueList<AppliedCredit>.From(credits), Compact.ValueListAppliedCredit);

    /// <summary>Reads applied credits written by <see cref="SerializeCredits"/>.</summary>
    /// <exception cref="InvoiceFormatException">The text is not a list of applied credits.</exception>
    public static ValueList<AppliedCredit> DeserializeCredits(string json) => Read(json, Compact.ValueListAppliedCredit);

    /// <summary>Writes a write-off as compact JSON.</summary>
    public static string SerializeWriteOff(AppliedWriteOff writeOff) => JsonSerializer.Serialize(writeOff, Compact.AppliedWriteOff);

    /// <summary>Reads a write-off written by <see cref="SerializeWriteOff"/>; null for null text.</summary>
    /// <exception cref="InvoiceFormatException">The text is not a write-off.</exception>
    public static AppliedWriteOff? DeserializeWriteOff(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, Compact.AppliedWriteOff);
        }
        catch (JsonException exception)
        {
            throw new InvoiceFormatException(exception.Message, exception.Path ?? "$", exception);
        }
    }

    /// <summary>Writes an issued document compactly (the form stores freeze); read it back with <see cref="InvoiceJson.DeserializeIssued"/>.</summary>
    public static string SerializeIssued(IssuedInvoice issued) => JsonSerializer.Serialize(issued, Compact.IssuedInvoice);

    private static ValueList<T> Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<ValueList<T>> type)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? ValueList<T>.Empty;
        }
        catch (JsonException exception)
        {
            throw new InvoiceFormatException(exception.Message, exception.Path ?? "$", exception);
        }
    }
}
