using Invoicing.Core;
using Invoicing.Pdf.Documents;

namespace Invoicing.Pdf;

/// <summary>
/// Renders invoices and credit notes to PDF. A credit note (type 381) is titled as such and shows the invoice
/// it corrects. Output goes to the caller's stream; nothing is kept between calls.
/// </summary>
public static class InvoicePdf
{
    /// <summary>Renders <paramref name="invoice"/> as a PDF into <paramref name="output"/>, which stays open.</summary>
    /// <param name="invoice">The invoice or credit note; its totals are computed by <see cref="InvoiceCalculator"/>.</param>
    /// <param name="output">A writable stream.</param>
    /// <param name="options">Language, brand colour, logo; <see cref="PdfRenderOptions.Default"/> when null.</param>
    /// <exception cref="InvoiceValidationException">
    /// The invoice cannot be computed or misses what is printed (rule PDF-REQUIRED), or an option is invalid
    /// (PDF-OPT-COLOR, PDF-OPT-LOGO); each issue names the field.
    /// </exception>
    public static void Render(Invoice invoice, Stream output, PdfRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(output);
        RequireWritable(output);
        var (document, metadata) = InvoiceRenderer.Build(invoice, options ?? PdfRenderOptions.Default, "pdf");
        using (document)
        {
            DocumentWriter.Write(document, metadata, output);
        }
    }

    /// <summary>Renders <paramref name="invoice"/> and returns the PDF bytes.</summary>
    /// <exception cref="InvoiceValidationException">See <see cref="Render(Invoice, Stream, PdfRenderOptions?)"/>.</exception>
    public static byte[] ToBytes(Invoice invoice, PdfRenderOptions? options = null)
    {
        using var buffer = new MemoryStream();
        Render(invoice, buffer, options);
        return buffer.ToArray();
    }

    internal static void RequireWritable(Stream output)
    {
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        }
    }
}
