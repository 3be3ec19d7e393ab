using Invoicing.Pdf.Layout;
using PdfSharp.Drawing;

namespace Invoicing.Pdf.Components;

/// <summary>
/// References on the left, the addressee in a tinted box on the right: a block of short labelled lines kept on one page.
/// </summary>
internal sealed class TwoColumnBlock(
    string leftTitle,
    IReadOnlyList<(string Label, string Value)> leftLines,
    string rightTitle,
    string rightName,
    IReadOnlyList<string> rightLines) : IComponent
{
    public void Compose(PageFlow flow)
    {
        var theme = flow.Theme;
        var gfx = flow.Gfx;
        var columnWidth = (Theme.Width - 20) / 2;
        var rightX = Theme.Left + columnWidth + 20;
        var padding = 8;

        var nameLines = Text.Wrap(gfx, rightName, theme.PartyName, columnWidth - (2 * padding));
        var bodyLines = rightLines.SelectMany(l => Text.Wrap(gfx, l, theme.Body, columnWidth - (2 * padding))).ToList();
        var rightHeight = Text.LineHeight(theme.SmallBold) + 4 + (nameLines.Count * Text.LineHeight(theme.PartyName)) + (bodyLines.Count * Text.LineHeight(theme.Body)) + (2 * padding);

        var labelWidth = columnWidth * 0.42;
        var leftWrapped = leftLines.Select(l => (l.Label, Lines: Text.Wrap(gfx, l.Value, theme.Body, columnWidth - labelWidth))).ToList();
        var leftHeight = leftLines.Count == 0 ? 0 : Text.LineHeight(theme.SmallBold) + 4 + leftWrapped.Sum(l => l.Lines.Count * Text.LineHeight(theme.Body));

        flow.EnsureRoom(Math.Max(leftHeight, rightHeight));
        gfx = flow.Gfx;
        var top = flow.Y;

        if (leftLines.Count > 0)
        {
            var y = top + padding;
            Text.Draw(gfx, leftTitle.ToUpperInvariant(), theme.SmallBold, theme.Muted, Theme.Left, y, columnWidth);
            y += Text.LineHeight(theme.SmallBold) + 4;
            foreach (var (label, lines) in leftWrapped)
            {
                Text.Draw(gfx, label, theme.Body, theme.Muted, Theme.Left, y, labelWidth);
                y += Text.DrawLines(gfx, lines, theme.Body, theme.Text, Theme.Left + labelWidth, y, columnWidth - labelWidth);
            }
        }

        gfx.DrawRectangle(theme.BrandLight, rightX, top, columnWidth, rightHeight);
        var ry = top + padding;
        Text.Draw(gfx, rightTitle.ToUpperInvariant(), theme.SmallBold, theme.Muted, rightX + padding, ry, columnWidth);
        ry += Text.LineHeight(theme.SmallBold) + 4;
        ry += Text.DrawLines(gfx, nameLines, theme.PartyName, theme.Text, rightX + padding, ry, columnWidth);
        Text.DrawLines(gfx, bodyLines, theme.Body, theme.Text, rightX + padding, ry, columnWidth);

        flow.Y = top + Math.Max(leftHeight + padding, rightHeight) + 16;
    }
}
