using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Invoicing.Portal.Rendering;

/// <summary>Builds a page: markup is written as is, every value through <see cref="Text"/>, encoded.</summary>
internal sealed class HtmlWriter
{
    // Letters of every script stay readable in the source (é, ß); markup characters and quotes are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new();

    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlWriter Text(string? value)
    {
        _html.Append(Encoder.Encode(value ?? string.Empty));
        return this;
    }

    /// <summary>An element holding encoded text: <c>&lt;tag attributes&gt;text&lt;/tag&gt;</c>.</summary>
    public HtmlWriter Element(string tag, string? text, string? attributes = null)
    {
        _html.Append('<').Append(tag);
        if (attributes is not null)
        {
            _html.Append(' ').Append(attributes);
        }

        _html.Append('>');
        Text(text);
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An attribute value, encoded (for attributes built by the caller).</summary>
    public static string Attribute(string value) => Encoder.Encode(value);

    public override string ToString() => _html.ToString();
}
