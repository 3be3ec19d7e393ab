using System.Text;
using System.Text.Json;
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
        return Read(() => JsonSerializer.Deserialize(json, InvoiceJsonContext.Default.Invoice));
    }

    /// <summary>Reads an invoice from UTF-8 bytes.</summary>
    /// <exception cref="InvoiceFormatException">The bytes are not JSON, or not an invoice.</exception>
    public static Invoice Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, InvoiceJsonContext.Default.Invoice)
                ?? throw new InvoiceFormatException("The JSON is null, not an invoice.", "$");
        }
        catch (JsonException exception)
        {
            throw Describe(exception);
        }
    }

    /// <summary>Reads an invoice from a stream.</summary>
    /// <exception cref="InvoiceFormatException">The stream is not JSON, or not an invoice.</exception>
    public static async Task<Invoice> DeserializeAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        try
        {
            return await JsonSerializer.DeserializeAsync(utf8Json, InvoiceJsonContext.Default.Invoice, cancellationToken).ConfigureAwait(false)
                ?? throw new InvoiceFormatException("The JSON is null, not an invoice.", "$");
        }
        catch (JsonException exception)
        {
            throw Describe(exception);
        }
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
        return Read(() => JsonSerializer.Deserialize(json, InvoiceJsonContext.Default.IssuedInvoice));
    }

    /// <summary>
    /// The canonical bytes of a document for the archive hash: compact UTF-8 JSON, properties in declaration
    /// order, nulls left out. The same document always gives the same bytes.
    /// </summary>
    public static byte[] Canonical(Invoice invoice) =>
        JsonSerializer.SerializeToUtf8Bytes(invoice, CompactContext.Invoice);

    private static readonly InvoiceJsonContext CompactContext = new(new JsonSerializerOptions(InvoiceJsonContext.Default.Options) { WriteIndented = false });

    private static T Read<T>(Func<T?> read)
        where T : class
    {
        try
        {
            return read() ?? throw new InvoiceFormatException($"The JSON is null, not a {typeof(T).Name}.", "$");
        }
        catch (JsonException exception)
        {
            throw Describe(exception);
        }
    }

    private static InvoiceFormatException Describe(JsonException exception)
    {
        var message = new StringBuilder(exception.Message.Split(" Path:", 2)[0].TrimEnd());
        if (exception.LineNumber is { } line)
        {
            message.Append(System.Globalization.CultureInfo.InvariantCulture, $" (line {line + 1})");
        }

        return new InvoiceFormatException(message.ToString(), exception.Path ?? "$", exception);
    }
}
