using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Invoicing.Core.Json;

namespace Invoicing.Core;

/// <summary>
/// The SDK's own JSON shape of an invoice (documented in <c>docs/invoice-json.md</c>): camelCase names,
/// dates as ISO strings, amounts as JSON numbers, VAT categories as their codes. Unknown properties are
/// refused, so a misspelt field never goes unnoticed.
/// </summary>
public static class InvoiceJson
{
    /// <summary>Reads an invoice.</summary>
    /// <exception cref="InvoiceFormatException">The text is not JSON, or not an invoice: the message names the field.</exception>
    public static Invoice Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(json, InvoiceJsonContext.Default.Invoice, "an invoice");
    }

    /// <summary>Reads an invoice from UTF-8 bytes.</summary>
    /// <exception cref="InvoiceFormatException">The bytes are not JSON, or not an invoice.</exception>
    public static Invoice Deserialize(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, InvoiceJsonContext.Default.Invoice, "an invoice");

    /// <summary>Reads an invoice from a stream.</summary>
    /// <exception cref="InvoiceFormatException">The stream is not JSON, or not an invoice.</exception>
    public static async Task<Invoice> DeserializeAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        await utf8Json.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Writes an invoice as indented JSON.</summary>
    public static string Serialize(Invoice invoice) => JsonSerializer.Serialize(invoice, InvoiceJsonContext.Default.Invoice);

    /// <summary>Writes totals as indented JSON.</summary>
    public static string Serialize(InvoiceTotals totals) => JsonSerializer.Serialize(totals, InvoiceJsonContext.Default.InvoiceTotals);

    /// <summary>Writes an issued invoice (document, totals, numbering and hash) as indented JSON.</summary>
    public static string Serialize(IssuedInvoice issued) => JsonSerializer.Serialize(issued, InvoiceJsonContext.Default.IssuedInvoice);

    /// <summary>Reads an issued invoice written by <see cref="Serialize(IssuedInvoice)"/> (stores keep this form).</summary>
    /// <exception cref="InvoiceFormatException">The text is not an issued invoice.</exception>
    public static IssuedInvoice DeserializeIssued(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(json, InvoiceJsonContext.Default.IssuedInvoice, "an issued invoice");
    }

    /// <summary>
    /// The canonical bytes of a document for the archive hash: compact UTF-8 JSON, properties in declaration
    /// order, nulls left out. The same document always gives the same bytes.
    /// </summary>
    public static byte[] Canonical(Invoice invoice) =>
        JsonSerializer.SerializeToUtf8Bytes(invoice, CompactContext.Invoice);

    private static readonly InvoiceJsonContext CompactContext = new(new JsonSerializerOptions(InvoiceJsonContext.Default.Options) { WriteIndented = false });

    private static T Read<T>(string json, JsonTypeInfo<T> type, string what)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw Describe(Encoding.UTF8.GetBytes(json), type, what, null);
        }
        catch (JsonException exception)
        {
            throw Describe(Encoding.UTF8.GetBytes(json), type, what, exception);
        }
    }

    private static T Read<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> type, string what)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, type) ?? throw Describe(utf8Json, type, what, null);
        }
        catch (JsonException exception)
        {
            throw Describe(utf8Json, type, what, exception);
        }
    }

    /// <summary>
    /// Why reading failed, found again by a pass of our own over the input: the serializer's message names .NET
    /// types and its own terms, so it is kept only as the inner exception.
    /// </summary>
    private static InvoiceFormatException Describe(ReadOnlySpan<byte> utf8Json, JsonTypeInfo type, string what, JsonException? exception)
    {
        var problem = JsonSyntaxDiagnosis.Find(utf8Json, "text") ?? FindShapeProblem(utf8Json.ToArray(), type, what);
        return problem is { } found
            ? new InvoiceFormatException(found.Message, found.Path, exception)
            : new InvoiceFormatException($"The JSON is not {what} in the documented shape.", UserPath(exception?.Path), exception);
    }

    private static JsonProblem? FindShapeProblem(byte[] utf8Json, JsonTypeInfo type, string what)
    {
        using var document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = JsonSyntaxDiagnosis.MaxDepth });
        return JsonShapeDiagnosis.Find(document.RootElement, type, what);
    }

    /// <summary>A serializer path without its root marker: <c>$.lines</c> becomes <c>lines</c>, <c>$</c> none.</summary>
    private static string? UserPath(string? path) =>
        path is null or "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
