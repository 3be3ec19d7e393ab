using Invoicing.Core;

namespace Invoicing.Cli;

/// <summary>An invoice read from a file, with the totals the file states when its syntax carries them.</summary>
/// <param name="Invoice">The invoice.</param>
/// <param name="Syntax">What the file was: <c>json</c>, <c>cii</c>, <c>ubl</c>, <c>pdf</c>.</param>
/// <param name="StatedTotals">Totals stated in the file (CII, UBL), to compare with the recomputed ones; null for our JSON.</param>
internal sealed record LoadedDocument(Invoice Invoice, string Syntax, InvoiceTotals? StatedTotals = null);

/// <summary>Reads an invoice file whatever its syntax, detected from its content.</summary>
internal static class DocumentLoader
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="InvoiceFormatException">The file is not an invoice in a syntax we read.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<LoadedDocument> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw Directory.Exists(path)
                ? new InvoiceFormatException($"{path} is a folder; give an invoice file.", path)
                : new FileNotFoundException($"File not found: {path}", path);
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new InvoiceFormatException($"{Path.GetFileName(path)} is empty: there is no invoice in it.", path);
        }

        if (bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            return FromPdf(bytes);
        }

        var start = FirstSignificantByte(bytes);
        return start switch
        {
            '{' or '[' => new LoadedDocument(InvoiceJson.Deserialize(bytes), "json"),
            '<' => FromXml(bytes),
            _ => throw new InvoiceFormatException($"{Path.GetFileName(path)} is not an invoice this tool reads (JSON, CII or UBL XML, Factur-X PDF).", path),
        };
    }

    /// <summary>CII or UBL, detected from the root element; the stated totals are kept for <c>totals</c> to compare.</summary>
    private static LoadedDocument FromXml(byte[] bytes)
    {
        var document = EInvoicing.EInvoiceReader.Read(bytes);
        var syntax = document.Syntax == EInvoicing.EInvoiceSyntax.Cii ? "cii" : "ubl";
        return new LoadedDocument(document.Invoice, syntax, document.StatedTotals);
    }

    /// <summary>A Factur-X / ZUGFeRD PDF: its embedded XML, read as CII (or UBL).</summary>
    private static LoadedDocument FromPdf(byte[] bytes)
    {
        var document = Pdf.FacturXReader.Read(bytes);
        return new LoadedDocument(document.Invoice, "pdf", document.StatedTotals);
    }

    private static char FirstSignificantByte(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return (char)b;
            }
        }

        return '\0';
    }
}
