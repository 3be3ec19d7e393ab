using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Invoicing.Pdf.Layout;

/// <summary>
/// The page flow of one document: components draw at <see cref="Y"/> and ask for room with
/// <see cref="EnsureRoom"/>; when a page is full the flow opens the next one, draws the repeated page header
/// and whatever the running component asked to repeat (a table's column header). Footers with
/// "page x / y" are drawn at the end, once the page count is known.
/// </summary>
internal sealed class PageFlow : IDisposable
{
    private readonly PdfDocument document;
    private readonly Action<PageFlow> pageHeader;
    private XGraphics? graphics;

    public PageFlow(PdfDocument document, Theme theme, Action<PageFlow> pageHeader)
    {
        this.document = document;
        Theme = theme;
        this.pageHeader = pageHeader;
        NewPage();
    }

    public Theme Theme { get; }

    /// <summary>The drawing surface of the current page.</summary>
    public XGraphics Gfx => graphics ?? throw new ObjectDisposedException(nameof(PageFlow));

    /// <summary>Where the next component starts on the current page, in points from the top.</summary>
    public double Y { get; set; }

    /// <summary>Number of the current page, from 1.</summary>
    public int PageNumber { get; private set; }

    /// <summary>Drawn after the page header of every new page while a component runs (for example a table header).</summary>
    public Action<PageFlow>? OnNewPage { get; set; }

    /// <summary>Room left on the current page.</summary>
    public double Room => Theme.Bottom - Y;

    /// <summary>Opens a new page when fewer than <paramref name="height"/> points are left.</summary>
    /// <returns>True when a new page was opened.</returns>
    public bool EnsureRoom(double height)
    {
        if (Y + height <= Theme.Bottom)
        {
            return false;
        }

        NewPage();
        OnNewPage?.Invoke(this);
        return true;
    }

    /// <summary>Draws the footer of every page, then releases the last page's graphics.</summary>
    public void Finish(Action<XGraphics, int, int> footer)
    {
        graphics?.Dispose();
        graphics = null;
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            footer(gfx, i + 1, count);
        }
    }

    public void Dispose()
    {
        graphics?.Dispose();
        graphics = null;
    }

    private void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(Theme.PageWidth);
        page.Height = XUnit.FromPoint(Theme.PageHeight);
        graphics = XGraphics.FromPdfPage(page);
        PageNumber++;
        Y = Theme.Top;
        pageHeader(this);
    }
}
