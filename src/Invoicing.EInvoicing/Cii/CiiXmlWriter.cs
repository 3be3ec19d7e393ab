using System.Buffers;
using System.Text;
using Invoicing.Core;

namespace Invoicing.EInvoicing.Cii;

/// <summary>
/// A small forward-only XML writer for the CII serializer: elements with known prefixes (the root declares its own; the caller declares the others), attributes and text,
/// indented by two spaces, escaped, UTF-8 without BOM. It skips the namespace bookkeeping of
/// <see cref="System.Xml.XmlWriter"/>, which the serializer does not need (the four prefixes are declared on the root).
/// </summary>
internal sealed class CiiXmlWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly StringBuilder _text = new(8192);
    private readonly Stack<(string Prefix, string Name, bool HasChildren, bool HasText)> _open = new();
    private bool _startTagOpen;

    public void WriteStartDocument() => _text.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>");

    public void WriteStartElement(string prefix, string name, string? ns)
    {
        CloseStartTag();
        var isRoot = _open.Count == 0;
        if (_open.Count > 0)
        {
            var parent = _open.Pop();
            _open.Push(parent with { HasChildren = true });
        }

        _text.Append('\n').Append(' ', _open.Count * 2).Append('<').Append(prefix).Append(':').Append(name);
        _open.Push((prefix, name, false, false));
        _startTagOpen = true;
        if (isRoot && ns is not null)
        {
            // The root declares its own prefix; the other prefixes are declared by the caller.
            WriteAttributeString("xmlns", prefix, null, ns);
        }
    }

    public void WriteAttributeString(string prefix, string name, string? ns, string value)
    {
        _ = ns;
        _text.Append(' ').Append(prefix).Append(':').Append(name).Append("=\"");
        Escape(value, attribute: true);
        _text.Append('"');
    }

    public void WriteAttributeString(string name, string value)
    {
        _text.Append(' ').Append(name).Append("=\"");
        Escape(value, attribute: true);
        _text.Append('"');
    }

    public void WriteString(string value)
    {
        CloseStartTag();
        var current = _open.Pop();
        _open.Push(current with { HasText = true });
        Escape(value, attribute: false);
    }

    public void WriteEndElement()
    {
        var element = _open.Pop();
        if (_startTagOpen)
        {
            _text.Append(" />");
            _startTagOpen = false;
            return;
        }

        if (element.HasChildren && !element.HasText)
        {
            _text.Append('\n').Append(' ', _open.Count * 2);
        }

        _text.Append("</").Append(element.Prefix).Append(':').Append(element.Name).Append('>');
    }

    public void WriteEndDocument()
    {
        while (_open.Count > 0)
        {
            WriteEndElement();
        }
    }

    /// <summary>Encodes what was written as UTF-8 (no BOM) into <paramref name="output"/>.</summary>
    public void CopyTo(Stream output)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16384);
        try
        {
            var encoder = Utf8.GetEncoder();
            foreach (var chunk in _text.GetChunks())
            {
                var chars = chunk.Span;
                while (!chars.IsEmpty)
                {
                    encoder.Convert(chars, buffer, flush: false, out var used, out var bytes, out _);
                    output.Write(buffer, 0, bytes);
                    chars = chars[used..];
                }
            }

            encoder.Convert(ReadOnlySpan<char>.Empty, buffer, flush: true, out _, out var last, out _);
            output.Write(buffer, 0, last);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void CloseStartTag()
    {
        if (_startTagOpen)
        {
            _text.Append('>');
            _startTagOpen = false;
        }
    }

    private void Escape(string value, bool attribute)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string? replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when attribute => "&quot;",
                '\n' when attribute => "&#xA;",
                '\t' when attribute => "&#x9;",
                '\r' => attribute ? "&#xD;" : (i + 1 < value.Length && value[i + 1] == '\n' ? string.Empty : "\n"),
                _ => null,
            };
            if (replacement is null)
            {
                if ((c < 0x20 && c is not ('\t' or '\n')) || c is '\uFFFE' or '\uFFFF' || (char.IsSurrogate(c) && !IsPair(value, i)))
                {
                    throw new InvoiceValidationException(ValidationIssue.Error(
                        "XML-CHAR",
                        _open.Count > 0 ? _open.Peek().Name : "document",
                        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The character U+{(int)c:X4} cannot be written in XML.")));
                }

                if (char.IsHighSurrogate(c))
                {
                    i++;
                }

                continue;
            }

            _text.Append(value, start, i - start).Append(replacement);
            start = i + 1;
        }

        _text.Append(value, start, value.Length - start);
    }

    private static bool IsPair(string value, int i) =>
        char.IsHighSurrogate(value[i]) ? i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) : i > 0 && char.IsHighSurrogate(value[i - 1]);
}
