using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.Pdf.Documents;
using Invoicing.Pdf.FacturX;
using PdfSharp.Pdf;

namespace Invoicing.Pdf.Tests.Documents;

/// <summary>Real documents as PDFsharp saves them, before <see cref="PdfFinisher"/>, with what the finisher is given.</summary>
internal static class SavedDocuments
{
    /// <summary>The documents the tests of the finisher's assumptions run on, by name.</summary>
    public static TheoryData<string> Names => ["plain", "facturx", "logo"];

    public static SavedDocument Named(string name) => name switch
    {
        "plain" => Invoice(TestInvoices.Sample()),
        "facturx" => FacturX(TestInvoices.Sample()),
        "logo" => Invoice(TestInvoices.Sample(), new PdfRenderOptions { Logo = TestImages.RgbPng(120, 40) }),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such document"),
    };

    public static SavedDocument Invoice(Invoice invoice, PdfRenderOptions? options = null)
    {
        var (document, metadata) = InvoiceRenderer.Build(invoice, options ?? PdfRenderOptions.Default, "pdf");
        using (document)
        {
            return Save(document, metadata, null);
        }
    }

    /// <summary>What <see cref="FacturXPdf.Render"/> saves for the EN 16931 profile.</summary>
    public static SavedDocument FacturX(Invoice invoice)
    {
        const FacturXProfile Profile = FacturXProfile.En16931;
        using var xml = new MemoryStream();
        EInvoiceWriter.Write(invoice, EInvoiceSyntax.Cii, xml, Profile);
        var level = FacturXConformance.Level(Profile);
        var (document, metadata) = InvoiceRenderer.Build(invoice, PdfRenderOptions.Default, "factur-x:" + level);
        using (document)
        {
            PdfA3Embedder.Embed(document, xml.ToArray(), FacturXConformance.FileName, FacturXConformance.Relationship(Profile), metadata.DateTimeUtc);
            return Save(document, metadata, level);
        }
    }

    private static SavedDocument Save(PdfDocument document, DocumentMetadata metadata, string? level)
    {
        using var saved = DocumentWriter.Save(document);
        return new SavedDocument(saved.ToArray(), metadata.Identity, DocumentWriter.Xmp(document, metadata, level));
    }
}

/// <summary>A document as PDFsharp saved it, its identity and our XMP packet.</summary>
internal sealed record SavedDocument(byte[] Pdf, byte[] Identity, byte[] Xmp)
{
    public byte[] Finish() => Finish(Pdf);

    /// <summary>Finishes <paramref name="pdf"/> (this document's bytes, or an altered copy) with this document's identity and XMP.</summary>
    public byte[] Finish(byte[] pdf)
    {
        using var output = new MemoryStream();
        PdfFinisher.Finish(pdf, Identity, Xmp, output);
        return output.ToArray();
    }
}
