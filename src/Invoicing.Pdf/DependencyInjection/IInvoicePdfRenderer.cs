using Invoicing.Core;

namespace Invoicing.Pdf;

/// <summary>Renders invoices and credit notes with the host's <see cref="PdfOptions"/>; registered by <see cref="PdfServiceCollectionExtensions.AddPdf"/>.</summary>
public interface IInvoicePdfRenderer
{
    /// <summary>Writes a plain PDF of <paramref name="invoice"/> to <paramref name="output"/>.</summary>
    /// <exception cref="InvoiceValidationException">The invoice cannot be totalled or lacks what the PDF prints.</exception>
    void Render(Invoice invoice, Stream output);

    /// <summary>
    /// Writes a Factur-X PDF/A-3 of <paramref name="invoice"/> with the CII XML of the configured profile embedded,
    /// and returns what that profile could not carry.
    /// </summary>
    /// <exception cref="InvoiceValidationException">The invoice cannot be totalled or lacks what the PDF prints.</exception>
    IReadOnlyList<ValidationIssue> RenderFacturX(Invoice invoice, Stream output);
}
