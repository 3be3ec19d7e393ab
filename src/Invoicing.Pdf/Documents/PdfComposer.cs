using System.IO.Compression;
using Invoicing.Pdf.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Invoicing.Pdf.Documents;

/// <summary>Creates the PDF document, lets the components draw into the page flow, and draws the footers.</summary>
internal static class PdfComposer
{
    public static PdfDocument Compose(
        DocumentMetadata metadata,
        Theme theme,
        Action<PageFlow> pageHeader,
        IEnumerable<IComponent> components,
        string legalFooter,
        Labels labels)
    {
        var document = new PdfDocument();
        try
        {
            document.Version = 17;
            // PDFsharp 6.2.4 leaves its compressed streams unterminated (qpdf warns): it saves them plain and
            // PdfFinisher compresses each once.
            document.Options.CompressContentStreams = false;
            document.Options.NoCompression = true;
            document.Info.Title = metadata.Title;
            document.Info.Author = metadata.Author;
            document.Info.Subject = metadata.Subject;
            document.Info.Creator = DocumentMetadata.Creator;
            document.Info.CreationDate = metadata.DateTimeUtc;
            document.Info.ModificationDate = metadata.DateTimeUtc;

            using (var flow = new PageFlow(document, theme, pageHeader))
            {
                foreach (var component in components)
                {
                    component.Compose(flow);
                }

                flow.Finish((gfx, page, count) => DrawFooter(gfx, theme, legalFooter, $"{labels.Page} {page} / {count}"));
            }

            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private static void DrawFooter(XGraphics gfx, Theme theme, string legal, string page)
    {
        var top = Theme.PageHeight - Theme.FooterHeight;
        gfx.DrawLine(theme.Rule, Theme.Left, top, Theme.Right, top);
        var pageWidth = 60;
        Text.DrawWrapped(gfx, legal, theme.Small, theme.Muted, Theme.Left, top + 5, Theme.Width - pageWidth - 10);
        Text.Draw(gfx, page, theme.Small, theme.Muted, Theme.Right - pageWidth, top + 5, pageWidth, XStringAlignment.Far);
    }
}
