using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.Pdf.FacturX;

namespace Invoicing.Pdf;

/// <summary>Reads the e-invoice inside any Factur-X or ZUGFeRD PDF, whoever produced it.</summary>
public static class FacturXReader
{
    /// <summary>The embedded XML file of <paramref name="pdf"/>.</summary>
    /// <exception cref="InvoiceFormatException">Not a readable PDF, or no XML file inside (the path names where it was looked for).</exception>
    public static FacturXAttachment ExtractXml(Stream pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        return AttachmentExtractor.Extract(pdf);
    }

    /// <summary>The embedded XML file of the PDF <paramref name="pdf"/>.</summary>
    /// <exception cref="InvoiceFormatException">See <see cref="ExtractXml(Stream)"/>.</exception>
    public static FacturXAttachment ExtractXml(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        return AttachmentExtractor.Extract(pdf);
    }

    /// <summary>Extracts the XML and reads it as an e-invoice (CII, or UBL when that is what is embedded).</summary>
    /// <exception cref="InvoiceFormatException">The PDF or its XML cannot be read; an XML error names the embedded file.</exception>
    public static EInvoiceDocument Read(Stream pdf) => ReadEmbedded(ExtractXml(pdf));

    /// <summary>Extracts the XML and reads it as an e-invoice.</summary>
    /// <exception cref="InvoiceFormatException">See <see cref="Read(Stream)"/>.</exception>
    public static EInvoiceDocument Read(byte[] pdf) => ReadEmbedded(ExtractXml(pdf));

    private static EInvoiceDocument ReadEmbedded(FacturXAttachment attachment)
    {
        try
        {
            return EInvoiceReader.Read(attachment.Xml);
        }
        catch (InvoiceFormatException exception)
        {
            var suffix = $" (at {exception.Path})";
            var reason = exception.Path is not null && exception.Message.EndsWith(suffix, StringComparison.Ordinal) ? exception.Message[..^suffix.Length] : exception.Message;
            var name = attachment.FileName.Length <= 60 ? attachment.FileName : attachment.FileName[..60] + "...";
            throw new InvoiceFormatException($"In the PDF's embedded file {name}: {reason}", exception.Path, exception);
        }
    }
}
