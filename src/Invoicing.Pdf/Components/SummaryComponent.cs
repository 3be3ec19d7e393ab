using Invoicing.Pdf.Layout;
using PdfSharp.Drawing;

namespace Invoicing.Pdf.Components;

/// <summary>A labelled amount of the totals box; the last, emphasised one is the amount due.</summary>
internal sealed record TotalRow(string Label, string Amount, bool Emphasis = false);

/// <summary>The VAT breakdown (left) and the totals (right), kept together on one page.</summary>
internal sealed class SummaryComponent(
    string vatTitle,
    IReadOnlyList<string> vatHeaders,
    IReadOnlyList<IReadOnlyList<string>> vatRows,
    IReadOnlyList<TotalRow> totals) : IComponent
{
    private const double RowPadding = 3;

    public void Compose(PageFlow flow)
    {
        var theme = flow.Theme;
        var leftWidth = Theme.Width * 0.5;
        var rightX = Theme.Left + leftWidth + 24;
        var rightWidth = Theme.Right - rightX;
        var bodyLine = Text.LineHeight(theme.Body) + (2 * RowPadding);
        var vatHeight = vatRows.Count == 0 ? 0 : Text.LineHeight(theme.SmallBold) + 6 + ((vatRows.Count + 1) * bodyLine);
        var totalsHeight = totals.Sum(t => t.Emphasis ? Text.LineHeight(theme.Total) + 10 : bodyLine);
        flow.EnsureRoom(Math.Max(vatHeight, totalsHeight));

        var top = flow.Y;
        var gfx = flow.Gfx;
        if (vatRows.Count > 0)
        {
            var y = top;
            Text.Draw(gfx, vatTitle.ToUpperInvariant(), theme.SmallBold, theme.Muted, Theme.Left, y, leftWidth);
            y += Text.LineHeight(theme.SmallBold) + 6;
            var widths = new[] { 0.25, 0.4, 0.35 }.Select(s => s * leftWidth).ToArray();
            y = DrawRow(gfx, theme, vatHeaders, widths, y, theme.SmallBold, theme.Muted);
            gfx.DrawLine(theme.Rule, Theme.Left, y, Theme.Left + leftWidth, y);
            foreach (var row in vatRows)
            {
                y = DrawRow(gfx, theme, row, widths, y, theme.Body, theme.Text);
            }
        }

        var ry = top;
        foreach (var row in totals)
        {
            if (row.Emphasis)
            {
                var height = Text.LineHeight(theme.Total) + 8;
                ry += 2;
                gfx.DrawRectangle(theme.BrandBrush, rightX, ry, rightWidth, height);
                Text.Draw(gfx, row.Label, theme.Total, theme.White, rightX + 6, ry + 4, rightWidth * 0.55);
                Text.Draw(gfx, row.Amount, theme.Total, theme.White, rightX, ry + 4, rightWidth - 6, XStringAlignment.Far);
                ry += height;
                continue;
            }

            Text.Draw(gfx, row.Label, theme.Body, theme.Muted, rightX + 6, ry + RowPadding, rightWidth * 0.6);
            Text.Draw(gfx, row.Amount, theme.BodyBold, theme.Text, rightX, ry + RowPadding, rightWidth - 6, XStringAlignment.Far);
            ry += bodyLine;
            gfx.DrawLine(theme.Rule, rightX, ry, Theme.Right, ry);
        }

        flow.Y = Math.Max(top + vatHeight, ry) + 18;
    }

    private static double DrawRow(XGraphics gfx, Theme theme, IReadOnlyList<string> cells, double[] widths, double y, XFont font, XBrush brush)
    {
        var x = Theme.Left;
        for (var i = 0; i < cells.Count && i < widths.Length; i++)
        {
            Text.Draw(gfx, cells[i], font, brush, x, y + RowPadding, widths[i] - 4, i == 0 ? XStringAlignment.Near : XStringAlignment.Far);
            x += widths[i];
        }

        return y + Text.LineHeight(font) + (2 * RowPadding);
    }
}
