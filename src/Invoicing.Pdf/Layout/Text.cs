using PdfSharp.Drawing;

namespace Invoicing.Pdf.Layout;

/// <summary>Measuring, wrapping and drawing text: long texts wrap at word boundaries, and words wider than the box are cut.</summary>
internal static class Text
{
    /// <summary>Line height of a font, in points.</summary>
    public static double LineHeight(XFont font) => font.Size * 1.28;

    /// <summary>Splits <paramref name="text"/> into lines no wider than <paramref name="width"/>.</summary>
    public static List<string> Wrap(XGraphics gfx, string? text, XFont font, double width)
    {
        var lines = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return lines;
        }

        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var current = new System.Text.StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (gfx.MeasureString(candidate, font).Width <= width)
                {
                    current.Clear().Append(candidate);
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                }

                var rest = word;
                while (gfx.MeasureString(rest, font).Width > width && rest.Length > 1)
                {
                    var fit = Fit(gfx, rest, font, width);
                    lines.Add(rest[..fit]);
                    rest = rest[fit..];
                }

                current.Append(rest);
            }

            lines.Add(current.ToString());
        }

        return lines;
    }

    /// <summary>Draws wrapped lines from the top-left corner; returns the height used.</summary>
    public static double DrawLines(XGraphics gfx, IReadOnlyList<string> lines, XFont font, XBrush brush, double x, double y, double width, XStringAlignment alignment = XStringAlignment.Near)
    {
        var height = LineHeight(font);
        for (var i = 0; i < lines.Count; i++)
        {
            Draw(gfx, lines[i], font, brush, x, y + (i * height), width, alignment);
        }

        return lines.Count * height;
    }

    /// <summary>Wraps and draws; returns the height used.</summary>
    public static double DrawWrapped(XGraphics gfx, string? text, XFont font, XBrush brush, double x, double y, double width, XStringAlignment alignment = XStringAlignment.Near) =>
        DrawLines(gfx, Wrap(gfx, text, font, width), font, brush, x, y, width, alignment);

    /// <summary>Draws one line, left, centred or right aligned in a box starting at <paramref name="x"/>.</summary>
    public static void Draw(XGraphics gfx, string text, XFont font, XBrush brush, double x, double y, double width, XStringAlignment alignment = XStringAlignment.Near)
    {
        if (text.Length == 0)
        {
            return;
        }

        var left = alignment switch
        {
            XStringAlignment.Far => x + width - gfx.MeasureString(text, font).Width,
            XStringAlignment.Center => x + ((width - gfx.MeasureString(text, font).Width) / 2),
            _ => x,
        };
        gfx.DrawString(text, font, brush, left, y, XStringFormats.TopLeft);
    }

    private static int Fit(XGraphics gfx, string word, XFont font, double width)
    {
        var low = 1;
        var high = word.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (gfx.MeasureString(word[..mid], font).Width <= width)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }
}
