using Invoicing.Core;
using PdfSharp.Drawing;

namespace Invoicing.Pdf.Layout;

/// <summary>What every component of an invoice or credit note reads: the document, its computed totals and the presentation.</summary>
internal sealed record RenderContext(
    Invoice Invoice,
    InvoiceTotals Totals,
    PdfRenderOptions Options,
    Labels Labels,
    Formats Formats,
    XImage? Logo)
{
    public Currency Currency => Invoice.Currency;

    public bool IsCreditNote => Invoice.Type.IsCreditNote();

    public string Title => IsCreditNote ? Labels.CreditNote : Labels.Invoice;

    public string NumberText => Invoice.Number ?? "-";
}
