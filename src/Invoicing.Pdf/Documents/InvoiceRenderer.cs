using System.Text;
using Invoicing.Core;
using Invoicing.Pdf.Components;
using Invoicing.Pdf.Layout;
using PdfSharp.Pdf;

namespace Invoicing.Pdf.Documents;

/// <summary>Builds the PDF document of an invoice or a credit note.</summary>
internal static class InvoiceRenderer
{
    /// <exception cref="InvoiceValidationException">The invoice cannot be computed, or an option is invalid.</exception>
    public static (PdfDocument Document, DocumentMetadata Metadata) Build(Invoice invoice, PdfRenderOptions options, string identitySuffix)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(options);
        PdfInputRules.Check(invoice);
        var totals = InvoiceCalculator.Calculate(invoice);
        var theme = new Theme(Theme.ParseColor(options.BrandColor));
        var logo = LogoLoader.Load(options.Logo);
        var context = new RenderContext(invoice, totals, options, Labels.For(options.Language), Formats.For(options.Language), logo);
        var identity = InvoiceJson.Canonical(invoice).Concat(Encoding.UTF8.GetBytes($"|{options.Language}|{options.BrandColor}|{options.PaymentLink}|{identitySuffix}")).ToArray();
        var metadata = new DocumentMetadata(
            $"{context.Title} {context.NumberText}",
            invoice.Seller.Name,
            $"{context.Title} {context.NumberText} – {invoice.Seller.Name} → {invoice.Buyer.Name}",
            invoice.IssueDate,
            identity);
        try
        {
            var document = PdfComposer.Compose(
                metadata,
                theme,
                ContinuationHeader.For(invoice.Seller.Name, InvoiceLayout.RunningTitle(context)),
                InvoiceLayout.Components(context),
                PartyText.LegalFooter(invoice.Seller, context.Labels),
                context.Labels);
            return (document, metadata);
        }
        finally
        {
            // The image is copied into the document when drawn; the decoded copy is no longer needed.
            logo?.Dispose();
        }
    }
}
