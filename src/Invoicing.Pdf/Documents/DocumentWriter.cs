using Invoicing.Pdf.FacturX;
using PdfSharp.Pdf;

namespace Invoicing.Pdf.Documents;

/// <summary>Saves a composed document to the caller's stream, through <see cref="PdfFinisher"/>.</summary>
internal static class DocumentWriter
{
    /// <param name="document">The composed document.</param>
    /// <param name="metadata">Its metadata.</param>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="conformanceLevel">The Factur-X level for a PDF/A-3 (its XMP then identifies PDF/A-3b and Factur-X); null for a plain PDF.</param>
    public static void Write(PdfDocument document, DocumentMetadata metadata, Stream output, string? conformanceLevel = null)
    {
        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        var xmp = XmpPacket.Build(new XmpFields(
            metadata.Title,
            metadata.Author,
            metadata.Subject,
            document.Info.Producer,
            DocumentMetadata.Creator,
            metadata.DateTimeUtc,
            ConformanceLevel: conformanceLevel));
        PdfFinisher.Finish(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), metadata.Identity, xmp, output);
    }
}
