using Invoicing.Pdf.Layout;

namespace Invoicing.Pdf.Components;

/// <summary>A titled list of paragraphs (notes, legal mentions, a letter's body) that wraps and runs over pages line by line.</summary>
internal sealed class ParagraphsComponent(string? title, IReadOnlyList<string> paragraphs, bool small = true) : IComponent
{
    public void Compose(PageFlow flow)
    {
        if (paragraphs.Count == 0)
        {
            return;
        }

        var theme = flow.Theme;
        var font = small ? theme.Small : theme.Body;
        var lineHeight = Text.LineHeight(font);
        if (title is not null)
        {
            flow.EnsureRoom(Text.LineHeight(theme.SmallBold) + 4 + lineHeight);
            Text.Draw(flow.Gfx, title.ToUpperInvariant(), theme.SmallBold, theme.Muted, Theme.Left, flow.Y, Theme.Width);
            flow.Y += Text.LineHeight(theme.SmallBold) + 4;
        }

        foreach (var paragraph in paragraphs)
        {
            foreach (var line in Text.Wrap(flow.Gfx, paragraph, font, Theme.Width))
            {
                flow.EnsureRoom(lineHeight);
                Text.Draw(flow.Gfx, line, font, theme.Text, Theme.Left, flow.Y, Theme.Width);
                flow.Y += lineHeight;
            }

            flow.Y += 3;
        }

        flow.Y += 10;
    }
}
