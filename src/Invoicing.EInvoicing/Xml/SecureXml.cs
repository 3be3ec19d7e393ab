using System.Xml;
using System.Xml.Linq;
using Invoicing.Core;

namespace Invoicing.EInvoicing.Xml;

/// <summary>
/// Loads untrusted XML safely: no DTD (so no entity expansion, no billion laughs), no resolver (so no external
/// entity, no network or file access), a size limit and a nesting depth limit. Every failure is an
/// <see cref="InvoiceFormatException"/> that says what and where.
/// </summary>
internal static class SecureXml
{
    /// <summary>Largest document read, in characters (32 Mi): far above any real invoice, far below memory trouble.</summary>
    public const long MaxCharactersInDocument = 32L * 1024 * 1024;

    /// <summary>Deepest element nesting accepted; CII and UBL invoices stay under 15 levels.</summary>
    public const int MaxDepth = 64;

    private static readonly XmlReaderSettings Settings = CreateReaderSettings();

    /// <summary>The reader settings every e-invoice is read with.</summary>
    public static XmlReaderSettings CreateReaderSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharactersInDocument,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>Creates a secure reader over <paramref name="stream"/> (a BOM, UTF-8 or UTF-16, is honoured).</summary>
    public static XmlReader CreateReader(Stream stream) => XmlReader.Create(stream, Settings);

    /// <summary>Throws when the reader is deeper than <see cref="MaxDepth"/>.</summary>
    /// <exception cref="InvoiceFormatException">The document nests too deeply.</exception>
    public static void CheckDepth(XmlReader reader)
    {
        if (reader.Depth >= MaxDepth)
        {
            throw new InvoiceFormatException(
                $"The XML nests deeper than {MaxDepth} levels, which no invoice does (limit XML-DEPTH).",
                LineOf(reader));
        }
    }

    /// <summary>Reads the whole document into a tree, within the limits, and returns its root element.</summary>
    /// <exception cref="InvoiceFormatException">The input is not well-formed XML, has a DTD, or exceeds a limit.</exception>
    public static XElement Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var origin = stream.CanSeek ? stream.Position : -1;
        using var reader = CreateReader(stream);
        return Load(reader, stream, origin);
    }

    /// <summary>
    /// Reads the document into a tree from a secure reader over <paramref name="input"/> (read from
    /// <paramref name="origin"/>), not started yet or standing on its root element (whose syntax was told from it),
    /// within the limits, and returns its root element.
    /// </summary>
    /// <exception cref="InvoiceFormatException">The input is not well-formed XML, has a DTD, or exceeds a limit.</exception>
    public static XElement Load(XmlReader reader, Stream input, long origin)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var open = new Stack<XElement>();
        XElement? root = null;
        try
        {
            return LoadTree(reader, open, ref root);
        }
        catch (XmlException exception)
        {
            var openElement = open.Count > 0 ? XmlPath.Of(open.Peek()) : null;
            throw Translate(exception, new XmlFault(input, origin, openElement, root is not null));
        }
    }

    private static XElement LoadTree(XmlReader reader, Stack<XElement> stack, ref XElement? root)
    {
        var more = reader.NodeType == XmlNodeType.Element || reader.Read();
        while (more)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    CheckDepth(reader);
                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    if (reader.HasAttributes)
                    {
                        while (reader.MoveToNextAttribute())
                        {
                            if (reader.NamespaceURI != "http://www.w3.org/2000/xmlns/")
                            {
                                element.Add(new XAttribute(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value));
                            }
                        }

                        reader.MoveToElement();
                    }

                    if (stack.Count == 0)
                    {
                        root = element;
                    }
                    else
                    {
                        stack.Peek().Add(element);
                    }

                    if (!reader.IsEmptyElement)
                    {
                        stack.Push(element);
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    if (stack.Count > 0)
                    {
                        stack.Peek().Add(new XText(reader.Value));
                    }

                    break;
                case XmlNodeType.EndElement:
                    stack.Pop();
                    break;
            }

            more = reader.Read();
        }

        return root ?? throw new InvoiceFormatException("The input is not XML: no root element could be read (XML-WELLFORMED).", "/");
    }

    /// <summary>
    /// Says what the XML reader refused in a user's words, naming the element it was in; the reader's own text
    /// (which may quote .NET terms, or be in another language) stays in the inner exception.
    /// </summary>
    public static InvoiceFormatException Translate(XmlException exception, XmlFault fault)
    {
        var where = exception.LineNumber > 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {exception.LineNumber}, position {exception.LinePosition}")
            : null;
        var (stream, origin) = (fault.Input, fault.Origin);
        string message;
        if (exception.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            message = "The XML declares a DTD; DTDs and entities are refused in invoices (limit XML-DTD).";
        }
        else if (exception.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal) || exception.Message.Contains("exceeds", StringComparison.OrdinalIgnoreCase))
        {
            message = $"The XML is larger than {MaxCharactersInDocument} characters (limit XML-SIZE).";
        }
        else if (!fault.RootSeen && IsBlank(stream, origin))
        {
            message = "The input is empty: there is no XML in it (XML-WELLFORMED).";
            where = null;
        }
        else if (!fault.RootSeen && IsInDeclaration(stream, origin, exception))
        {
            message = "The XML declaration (<?xml ...?>) at the top is not valid: its version must be 1.0 and its encoding the one the file is saved in, such as UTF-8 (XML-WELLFORMED).";
        }
        else if (!fault.RootSeen)
        {
            message = "The input is not XML: no root element could be read (XML-WELLFORMED).";
        }
        else if (fault.OpenElement is { } element && EndsAt(stream, origin, exception.LineNumber, exception.LinePosition))
        {
            message = $"The XML ends too early: the element {element} is not closed, the file may be cut off (XML-WELLFORMED).";
        }
        else
        {
            var inside = fault.OpenElement is { } open ? $" inside {open}" : " after the root element";
            message = $"The XML is not well formed{inside}: a tag is not closed or misspelt, or a character is not allowed there (XML-WELLFORMED).";
        }

        return new InvoiceFormatException(message, where, exception);
    }

    /// <summary>Whether the input holds nothing but white space (known only when the stream can be read again).</summary>
    private static bool IsBlank(Stream? stream, long origin) => Text(stream, origin) is { } text && string.IsNullOrWhiteSpace(text.TrimStart('\uFEFF'));

    /// <summary>Whether the parser stopped inside the <c>&lt;?xml ...?&gt;</c> declaration (a wrong version or encoding).</summary>
    private static bool IsInDeclaration(Stream? stream, long origin, XmlException exception)
    {
        var text = Text(stream, origin)?.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text is null || !text.StartsWith("<?xml", StringComparison.Ordinal))
        {
            return false;
        }

        var end = text.IndexOf("?>", StringComparison.Ordinal);
        return exception.LineNumber == 0 || (exception.LineNumber == 1 && (end < 0 || exception.LinePosition <= end + 2));
    }

    /// <summary>Whether a parser position is at or past the last character that is not white space: the input was cut off.</summary>
    private static bool EndsAt(Stream? stream, long origin, int line, int position)
    {
        if (Text(stream, origin)?.TrimEnd() is not { } text)
        {
            return false;
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        return line > lines.Length || (line == lines.Length && position > lines[^1].Length);
    }

    /// <summary>The input again as text, to look at where the parser stopped; null when it cannot be re-read or is past the size limit.</summary>
    private static string? Text(Stream? stream, long origin)
    {
        if (stream is null || origin < 0 || !stream.CanSeek || stream.Length - origin > MaxCharactersInDocument * 4)
        {
            return null;
        }

        stream.Position = origin;
        using var text = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return text.ReadToEnd();
    }

    private static string? LineOf(XmlReader reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo()
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {info.LineNumber}, position {info.LinePosition}")
            : null;
}

/// <summary>Where a reader stood when it refused its input: the input to look at again, and the open element.</summary>
/// <param name="Input">The stream read (looked at again, when it can seek, to tell an empty or cut-off file).</param>
/// <param name="Origin">The stream's position when reading began; -1 when it cannot seek.</param>
/// <param name="OpenElement">The path of the innermost element not closed yet, or null outside the root.</param>
/// <param name="RootSeen">Whether the root element had been read.</param>
internal readonly record struct XmlFault(Stream? Input, long Origin, string? OpenElement, bool RootSeen);
