using Invoicing.Core;
using Microsoft.Extensions.Options;

namespace Invoicing.Pdf;

/// <summary>The options are turned into render options once, so each render only draws.</summary>
internal sealed class InvoicePdfRenderer(IOptions<PdfOptions> options) : IInvoicePdfRenderer
{
    private readonly PdfRenderOptions _render = options.Value.ToRenderOptions();

    private readonly EInvoicing.FacturXProfile _profile = options.Value.FacturXProfile;

    public void Render(Invoice invoice, Stream output) => InvoicePdf.Render(invoice, output, _render);

    public IReadOnlyList<ValidationIssue> RenderFacturX(Invoice invoice, Stream output) => FacturXPdf.Render(invoice, _profile, output, _render);
}
