using Invoicing.Pdf.Layout;
using PdfSharp.Drawing;

namespace Invoicing.Pdf.Components;

/// <summary>A table column: header, share of the table width, alignment.</summary>
internal sealed record TableColumn(string Header, double Share, XStringAlignment Alignment = XStringAlignment.Near);

/// <summary>A table row: one text per column, and detail lines printed small under the first cell.</summary>
internal sealed record TableRow(IReadOnlyList<string> Cells, IReadOnlyList<string>? Details = null, bool Bold = false);

/// <summary>
/// A table that runs over as many pages as it needs: the column header is repeated at the top of each page,
/// rows are kept whole on a page when they fit one, and cells wrap inside their column. When given,
/// <paramref name="carriedOver"/> makes the row drawn under the repeated header (a statement's balance brought
/// forward); it is asked for at the page break, so it can tell what the rows drawn so far add up to.
/// </summary>
internal sealed class TableComponent(IReadOnlyList<TableColumn> columns, IEnumerable<TableRow> rows, double? width = null, double? x = null, Func<TableRow>? carriedOver = null) : IComponent
{
    private const double Padding = 4;

    public void Compose(PageFlow flow)
    {
        var theme = flow.Theme;
        var left = x ?? Theme.Left;
        var total = width ?? Theme.Width;
        var shares = columns.Sum(c => c.Share);
        var widths = columns.Select(c => total * c.Share / shares).ToArray();
        var headerHeight = HeaderHeight(flow, widths);

        flow.EnsureRoom(headerHeight + 30);
        DrawHeader(flow, left, widths, headerHeight);
        var previous = flow.OnNewPage;
        flow.OnNewPage = f =>
        {
            DrawHeader(f, left, widths, headerHeight);
            if (carriedOver is not null)
            {
                DrawRow(f, carriedOver(), left, total, widths);
            }
        };
        try
        {
            foreach (var row in rows)
            {
                DrawRow(flow, row, left, total, widths);
            }
        }
        finally
        {
            flow.OnNewPage = previous;
        }

        flow.Y += 8;
    }

    private double HeaderHeight(PageFlow flow, double[] widths)
    {
        var lines = 1;
        for (var i = 0; i < columns.Count; i++)
        {
            lines = Math.Max(lines, Text.Wrap(flow.Gfx, columns[i].Header, flow.Theme.SmallBold, widths[i] - (2 * Padding)).Count);
        }

        return (lines * Text.LineHeight(flow.Theme.SmallBold)) + (2 * Padding);
    }

    private void DrawHeader(PageFlow flow, double left, double[] widths, double height)
    {
        var theme = flow.Theme;
        flow.Gfx.DrawRectangle(theme.BrandBrush, left, flow.Y, widths.Sum(), height);
        var cx = left;
        for (var i = 0; i < columns.Count; i++)
        {
            Text.DrawWrapped(flow.Gfx, columns[i].Header, theme.SmallBold, theme.White, cx + Padding, flow.Y + Padding, widths[i] - (2 * Padding), columns[i].Alignment);
            cx += widths[i];
        }

        flow.Y += height;
    }

    private void DrawRow(PageFlow flow, TableRow row, double left, double total, double[] widths)
    {
        var theme = flow.Theme;
        var gfx = flow.Gfx;
        var font = row.Bold ? theme.BodyBold : theme.Body;
        var cells = new List<string>[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            cells[i] = Text.Wrap(gfx, i < row.Cells.Count ? row.Cells[i] : string.Empty, font, widths[i] - (2 * Padding));
        }

        var details = (row.Details ?? []).SelectMany(d => Text.Wrap(gfx, d, theme.Small, widths[0] - (2 * Padding))).ToList();
        var lineHeight = Text.LineHeight(font);
        var smallHeight = Text.LineHeight(theme.Small);
        var height = (cells.Max(c => c.Count) * lineHeight) + (details.Count * smallHeight) + (2 * Padding);

        // Keep the row whole when a fresh page can hold it; otherwise let its long text run on.
        flow.EnsureRoom(Math.Min(height, lineHeight + (2 * Padding)));
        if (height <= Theme.Bottom - Theme.Top - 80)
        {
            flow.EnsureRoom(height);
        }

        var startPage = flow.PageNumber;
        var top = flow.Y + Padding;
        var cx = left;
        for (var i = 1; i < columns.Count; i++)
        {
            cx += widths[i - 1];
            Text.DrawLines(flow.Gfx, cells[i], font, theme.Text, cx + Padding, top, widths[i] - (2 * Padding), columns[i].Alignment);
        }

        var y = top;
        foreach (var line in cells[0])
        {
            if (flow.EnsureRoom(lineHeight))
            {
                y = flow.Y;
            }

            Text.Draw(flow.Gfx, line, font, theme.Text, left + Padding, y, widths[0] - (2 * Padding), columns[0].Alignment);
            y += lineHeight;
            flow.Y = y;
        }

        foreach (var line in details)
        {
            if (flow.EnsureRoom(smallHeight))
            {
                y = flow.Y;
            }

            Text.Draw(flow.Gfx, line, theme.Small, theme.Muted, left + Padding, y, widths[0] - (2 * Padding));
            y += smallHeight;
            flow.Y = y;
        }

        var otherBottom = top + (cells.Skip(1).Select(c => c.Count).DefaultIfEmpty(0).Max() * lineHeight);
        flow.Y = (flow.PageNumber == startPage ? Math.Max(flow.Y, otherBottom) : flow.Y) + Padding;
        flow.Gfx.DrawLine(theme.Rule, left, flow.Y, left + total, flow.Y);
    }
}
