using System.Globalization;
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
        using var saved = Save(document);
        PdfFinisher.Finish(saved.GetBuffer().AsSpan(0, (int)saved.Length), metadata.Identity, Xmp(document, metadata, conformanceLevel), output);
    }

    /// <summary>The file as PDFsharp saves it, before <see cref="PdfFinisher"/> rewrites it.</summary>
    /// <remarks>
    /// PDFsharp writes /CreationDate and /ModDate in the current culture's calendar: under ar-SA or th-TH the year came
    /// out as 1448 or 2569, unlike the XMP dates (which PDF/A requires to agree) and unlike the same document saved
    /// elsewhere. It saves under the invariant culture, restored on this thread afterwards.
    /// </remarks>
    public static MemoryStream Save(PdfDocument document)
    {
        var buffer = new MemoryStream();
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            document.Save(buffer, closeStream: false);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        return buffer;
    }

    /// <summary>The XMP packet that replaces PDFsharp's.</summary>
    public static byte[] Xmp(PdfDocument document, DocumentMetadata metadata, string? conformanceLevel) =>
        XmpPacket.Build(new XmpFields(
            metadata.Title,
            metadata.Author,
            metadata.Subject,
            document.Info.Producer,
            DocumentMetadata.Creator,
            metadata.DateTimeUtc,
            ConformanceLevel: conformanceLevel));
}
