using Invoicing.Pdf.Layout;

namespace Invoicing.Pdf.Components;

/// <summary>How to pay: labelled lines (means, IBAN, BIC, reference, terms, link) and the SEPA QR code beside them.</summary>
internal sealed class PaymentComponent(string title, IReadOnlyList<(string Label, string Value)> lines, string? qrPayload, string qrCaption) : IComponent
{
    private const double QrSize = 86;

    public void Compose(PageFlow flow)
    {
        if (lines.Count == 0 && qrPayload is null)
        {
            return;
        }

        var theme = flow.Theme;
        var gfx = flow.Gfx;
        var textWidth = Theme.Width - (qrPayload is null ? 0 : QrSize + 20);
        var labelWidth = 110;
        var wrapped = lines.Select(l => (l.Label, Lines: Text.Wrap(gfx, l.Value, theme.Body, textWidth - labelWidth))).ToList();
        var textHeight = Text.LineHeight(theme.SmallBold) + 4 + wrapped.Sum(l => l.Lines.Count * Text.LineHeight(theme.Body));
        var height = Math.Max(textHeight, qrPayload is null ? 0 : QrSize + Text.LineHeight(theme.Small) + 2);
        if (flow.EnsureRoom(height))
        {
            gfx = flow.Gfx;
        }

        var top = flow.Y;
        var y = top;
        Text.Draw(gfx, title.ToUpperInvariant(), theme.SmallBold, theme.Muted, Theme.Left, y, textWidth);
        y += Text.LineHeight(theme.SmallBold) + 4;
        foreach (var (label, valueLines) in wrapped)
        {
            Text.Draw(gfx, label, theme.Body, theme.Muted, Theme.Left, y, labelWidth);
            y += Text.DrawLines(gfx, valueLines, theme.Body, theme.Text, Theme.Left + labelWidth, y, textWidth - labelWidth);
        }

        if (qrPayload is not null)
        {
            var qx = Theme.Right - QrSize;
            QrCodeDrawing.Draw(gfx, qrPayload, qx, top, QrSize);
            Text.Draw(gfx, qrCaption, theme.Small, theme.Muted, qx, top + QrSize + 2, QrSize, PdfSharp.Drawing.XStringAlignment.Center);
        }

        flow.Y = top + height + 14;
    }
}
