using Invoicing.Pdf.Layout;

namespace Invoicing.Pdf.Components;

/// <summary>The header repeated at the top of every page after the first: seller, title and number.</summary>
internal static class ContinuationHeader
{
    public static Action<PageFlow> For(string sellerName, string titleAndNumber) => flow =>
    {
        if (flow.PageNumber == 1)
        {
            return;
        }

        var theme = flow.Theme;
        var half = Theme.Width / 2;
        Text.Draw(flow.Gfx, Truncate(flow, sellerName, half), theme.Heading, theme.BrandBrush, Theme.Left, flow.Y, half);
        Text.Draw(flow.Gfx, Truncate(flow, titleAndNumber, half), theme.Heading, theme.Text, Theme.Left + half, flow.Y, half, PdfSharp.Drawing.XStringAlignment.Far);
        flow.Y += Text.LineHeight(theme.Heading) + 6;
        flow.Gfx.DrawLine(theme.BrandPen, Theme.Left, flow.Y, Theme.Right, flow.Y);
        flow.Y += 12;
    };

    private static string Truncate(PageFlow flow, string text, double width)
    {
        var lines = Text.Wrap(flow.Gfx, text, flow.Theme.Heading, width - 4);
        return lines.Count <= 1 ? text : lines[0] + "…";
    }
}
