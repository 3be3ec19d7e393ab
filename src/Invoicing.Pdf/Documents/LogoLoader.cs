using Invoicing.Core;
using PdfSharp.Drawing;

namespace Invoicing.Pdf.Documents;

/// <summary>Turns the logo bytes of the options into an image, accepting PNG and JPEG only.</summary>
internal static class LogoLoader
{
    /// <exception cref="InvoiceValidationException">The bytes are not a PNG or JPEG image PDFsharp can decode (rule PDF-OPT-LOGO).</exception>
    public static XImage? Load(ReadOnlyMemory<byte> logo)
    {
        if (logo.IsEmpty)
        {
            return null;
        }

        var span = logo.Span;
        var png = span.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var jpeg = span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);
        if (!png && !jpeg)
        {
            throw Invalid("The logo is neither a PNG nor a JPEG image.", null);
        }

        try
        {
            var image = XImage.FromStream(new MemoryStream(logo.ToArray(), writable: false));
            if (image.PixelWidth <= 0 || image.PixelHeight <= 0)
            {
                image.Dispose();
                throw Invalid("The logo has no pixels.", null);
            }

            return image;
        }
        catch (Exception exception) when (exception is not InvoiceValidationException and not OutOfMemoryException)
        {
            throw Invalid($"The logo cannot be decoded as {(png ? "PNG" : "JPEG")}: the image data is damaged or cut off.", exception);
        }
    }

    private static InvoiceValidationException Invalid(string message, Exception? inner)
    {
        var issue = ValidationIssue.Error("PDF-OPT-LOGO", "options.Logo", message);
        return inner is null ? new InvoiceValidationException(issue) : new InvoiceValidationException(issue, inner);
    }
}
