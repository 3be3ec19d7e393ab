using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.Pdf.Documents;
using Invoicing.Pdf.FacturX;

namespace Invoicing.Pdf;

/// <summary>
/// Factur-X / ZUGFeRD hybrid invoices: a PDF/A-3b that people read, carrying the CII XML of the chosen profile as
/// <c>factur-x.xml</c> for machines. The same invoice and options give the same bytes.
/// </summary>
public static class FacturXPdf
{
    /// <summary>Renders <paramref name="invoice"/> as a Factur-X PDF into <paramref name="output"/>, which stays open.</summary>
    /// <param name="invoice">The invoice or credit note.</param>
    /// <param name="profile">The Factur-X profile of the embedded XML.</param>
    /// <param name="output">A writable stream.</param>
    /// <param name="options">Presentation; <see cref="PdfRenderOptions.Default"/> when null.</param>
    /// <returns>What the profile could not carry (empty when nothing was lost), as the CII writer reports it.</returns>
    /// <exception cref="InvoiceValidationException">The invoice cannot be computed or rendered, or an option is invalid; each issue names the field and the rule.</exception>
    public static IReadOnlyList<ValidationIssue> Render(Invoice invoice, FacturXProfile profile, Stream output, PdfRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(output);
        InvoicePdf.RequireWritable(output);
        if (!Enum.IsDefined(profile))
        {
            throw new InvoiceValidationException(ValidationIssue.Error("PDF-FX-PROFILE", "profile", $"{(int)profile} is not a Factur-X profile."));
        }

        options ??= PdfRenderOptions.Default;
        PdfInputRules.Check(invoice);
        byte[] xml;
        IReadOnlyList<ValidationIssue> losses;
        using (var buffer = new MemoryStream())
        {
            losses = EInvoiceWriter.Write(invoice, EInvoiceSyntax.Cii, buffer, profile);
            xml = buffer.ToArray();
        }

        var level = FacturXConformance.Level(profile);
        var (document, metadata) = InvoiceRenderer.Build(invoice, options, "factur-x:" + level);
        using (document)
        {
            PdfA3Embedder.Embed(document, xml, FacturXConformance.FileName, FacturXConformance.Relationship(profile), metadata.DateTimeUtc);
            DocumentWriter.Write(document, metadata, output, level);
        }

        return losses;
    }

    /// <summary>Renders a Factur-X PDF and returns its bytes.</summary>
    /// <exception cref="InvoiceValidationException">See <see cref="Render(Invoice, FacturXProfile, Stream, PdfRenderOptions?)"/>.</exception>
    public static byte[] ToBytes(Invoice invoice, FacturXProfile profile, PdfRenderOptions? options = null)
    {
        using var buffer = new MemoryStream();
        Render(invoice, profile, buffer, options);
        return buffer.ToArray();
    }
}
