using Invoicing.Core;
using Invoicing.Pdf.Layout;
using PdfSharp.Drawing;

namespace Invoicing.Pdf.Components;

/// <summary>The first-page header: logo and seller on the left, document title, number and dates on the right.</summary>
internal sealed class HeaderComponent(Party seller, XImage? logo, string title, IReadOnlyList<(string Label, string Value)> facts) : IComponent
{
    private const double LogoMaxWidth = 150;
    private const double LogoMaxHeight = 56;

    public void Compose(PageFlow flow)
    {
        var theme = flow.Theme;
        var gfx = flow.Gfx;
        var leftWidth = Theme.Width * 0.55;
        var y = flow.Y;
        if (logo is not null)
        {
            var scale = Math.Min(LogoMaxWidth / logo.PointWidth, LogoMaxHeight / logo.PointHeight);
            var width = logo.PointWidth * scale;
            var height = logo.PointHeight * scale;
            gfx.DrawImage(logo, Theme.Left, y, width, height);
            y += height + 8;
        }

        y += Text.DrawWrapped(gfx, seller.Name, theme.PartyName, theme.BrandBrush, Theme.Left, y, leftWidth);
        var details = PartyText.AddressLines(seller.Address);
        details.AddRange(PartyText.ContactLines(seller.Contact));
        foreach (var line in details)
        {
            y += Text.DrawWrapped(gfx, line, theme.Body, theme.Muted, Theme.Left, y, leftWidth);
        }

        var rightX = Theme.Left + leftWidth + 10;
        var rightWidth = Theme.Right - rightX;
        var ry = flow.Y;
        ry += Text.DrawWrapped(gfx, title, theme.Title, theme.BrandBrush, rightX, ry, rightWidth, XStringAlignment.Far) + 4;
        foreach (var (label, value) in facts)
        {
            ry += Text.DrawWrapped(gfx, $"{label} {value}", label.Length == 0 ? theme.Heading : theme.Body, theme.Text, rightX, ry, rightWidth, XStringAlignment.Far);
        }

        flow.Y = Math.Max(y, ry) + 10;
        gfx.DrawLine(theme.BrandPen, Theme.Left, flow.Y, Theme.Right, flow.Y);
        flow.Y += 14;
    }
}
