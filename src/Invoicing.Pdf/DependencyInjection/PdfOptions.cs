using Invoicing.EInvoicing;

namespace Invoicing.Pdf;

/// <summary>How the PDFs of a host look, set once through <see cref="PdfServiceCollectionExtensions.AddPdf"/>.</summary>
public sealed class PdfOptions
{
    /// <summary>Language of the labels; French by default.</summary>
    public PdfLanguage Language { get; set; } = PdfLanguage.French;

    /// <summary>Brand colour, <c>#RRGGBB</c>, used for titles and rules.</summary>
    public string BrandColor { get; set; } = PdfRenderOptions.Default.BrandColor;

    /// <summary>Logo printed at the top left, PNG or JPEG bytes; none when empty.</summary>
    public ReadOnlyMemory<byte> Logo { get; set; }

    /// <summary>Whether an EPC (SEPA) QR code is printed for a credit transfer in euros.</summary>
    public bool SepaQrCode { get; set; } = true;

    /// <summary>The Factur-X profile of <see cref="IInvoicePdfRenderer.RenderFacturX"/>; EN 16931 by default.</summary>
    public FacturXProfile FacturXProfile { get; set; } = FacturXProfile.En16931;

    /// <summary>The render options these settings stand for.</summary>
    public PdfRenderOptions ToRenderOptions() => PdfRenderOptions.Default with
    {
        Language = Language,
        BrandColor = BrandColor,
        Logo = Logo,
        SepaQrCode = SepaQrCode,
    };
}
