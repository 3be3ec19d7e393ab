using Invoicing.Core;
using Invoicing.Pdf.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Invoicing.Pdf.Layout;

/// <summary>Fonts, colours and page geometry shared by the components of one document.</summary>
internal sealed class Theme
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public Theme(XColor brand)
    {
        Brand = brand;
        BrandBrush = new XSolidBrush(brand);
        BrandPen = new XPen(brand, 1.2);
        BrandLight = new XSolidBrush(XColor.FromArgb(
            (int)(brand.R + ((255 - brand.R) * 0.9)),
            (int)(brand.G + ((255 - brand.G) * 0.9)),
            (int)(brand.B + ((255 - brand.B) * 0.9))));
    }

    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double Margin = 42;
    public const double Top = 40;
    public const double FooterHeight = 44;

    public static double Left => Margin;

    public static double Right => PageWidth - Margin;

    public static double Width => Right - Left;

    public static double Bottom => PageHeight - FooterHeight - 10;

    public XColor Brand { get; }

    public XBrush BrandBrush { get; }

    public XBrush BrandLight { get; }

    public XPen BrandPen { get; }

    public XBrush Text { get; } = new XSolidBrush(XColor.FromArgb(33, 37, 41));

    public XBrush Muted { get; } = new XSolidBrush(XColor.FromArgb(100, 106, 115));

    public XBrush White { get; } = XBrushes.White;

    public XPen Rule { get; } = new(XColor.FromArgb(210, 214, 220), 0.6);

    public XFont Title { get; } = Font(20, bold: true);

    public XFont Heading { get; } = Font(10, bold: true);

    public XFont PartyName { get; } = Font(12, bold: true);

    public XFont Body { get; } = Font(9, bold: false);

    public XFont BodyBold { get; } = Font(9, bold: true);

    public XFont Small { get; } = Font(7.5, bold: false);

    public XFont SmallBold { get; } = Font(7.5, bold: true);

    public XFont Total { get; } = Font(11, bold: true);

    /// <summary>Parses <c>#RRGGBB</c>.</summary>
    /// <exception cref="InvoiceValidationException">The colour is not six hexadecimal digits after a hash (rule PDF-OPT-COLOR).</exception>
    public static XColor ParseColor(string? value)
    {
        if (value is { Length: 7 } && value[0] == '#' && value.AsSpan(1).IndexOfAnyExcept("0123456789abcdefABCDEF") < 0
            && int.TryParse(value.AsSpan(1), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var rgb))
        {
            return XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        }

        throw new InvoiceValidationException(ValidationIssue.Error(
            "PDF-OPT-COLOR", "options.BrandColor", $"The brand colour '{value}' is not a colour written #RRGGBB."));
    }

    private static XFont Font(double size, bool bold)
    {
        FontSetup.EnsureInstalled();
        return new XFont(InvoicingFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
    }
}
