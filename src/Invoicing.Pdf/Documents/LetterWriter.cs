using Invoicing.Core;
using Invoicing.Pdf.Components;
using Invoicing.Pdf.Layout;
using PdfSharp.Drawing;

namespace Invoicing.Pdf.Documents;

/// <summary>What a seller's document other than an invoice prints, once its labels, formats and logo are known.</summary>
/// <param name="Metadata">The information dictionary and XMP.</param>
/// <param name="RunningTitle">The title repeated at the top of pages 2 and after, beside the seller's name.</param>
/// <param name="Components">The page's components, in reading order.</param>
internal sealed record LetterParts(DocumentMetadata Metadata, string RunningTitle, IEnumerable<IComponent> Components);

/// <summary>
/// Renders a seller's document that is not an invoice (a reminder letter, a statement of account): the options'
/// theme and logo, the page flow with the running title, the seller's legal line in every footer, the finished file.
/// </summary>
internal static class LetterWriter
{
    /// <exception cref="InvoiceValidationException">An option is invalid (PDF-OPT-COLOR, PDF-OPT-LOGO).</exception>
    public static void Write(Party seller, PdfRenderOptions options, Stream output, Func<Labels, Formats, XImage?, LetterParts> parts)
    {
        var labels = Labels.For(options.Language);
        var formats = Formats.For(options.Language);
        var theme = new Theme(Theme.ParseColor(options.BrandColor));
        var logo = LogoLoader.Load(options.Logo);
        try
        {
            var (metadata, runningTitle, components) = parts(labels, formats, logo);
            using var document = PdfComposer.Compose(metadata, theme, ContinuationHeader.For(seller.Name, runningTitle), components, PartyText.LegalFooter(seller, labels), labels);
            DocumentWriter.Write(document, metadata, output);
        }
        finally
        {
            logo?.Dispose();
        }
    }
}
