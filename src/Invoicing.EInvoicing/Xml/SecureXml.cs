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
        using var reader = CreateReader(stream);
        return Load(reader);
    }

    /// <summary>
    /// Reads the document into a tree from a secure reader not started yet or standing on its root element (whose
    /// syntax was told from it), within the limits, and returns its root element.
    /// </summary>
    /// <exception cref="InvoiceFormatException">The input is not well-formed XML, has a DTD, or exceeds a limit.</exception>
    public static XElement Load(XmlReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            return LoadTree(reader);
        }
        catch (XmlException exception)
        {
            throw Translate(exception);
        }
    }

    private static XElement LoadTree(XmlReader reader)
    {
        XElement? root = null;
        var stack = new Stack<XElement>();
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

        return root ?? throw new InvoiceFormatException("The XML document has no root element.", "/");
    }

    /// <summary>The error, in words, for what the XML reader refused.</summary>
    public static InvoiceFormatException Translate(XmlException exception)
    {
        var where = exception.LineNumber > 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {exception.LineNumber}, position {exception.LinePosition}")
            : null;
        var message = exception.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
            ? "The XML declares a DTD; DTDs and entities are refused in invoices (limit XML-DTD)."
            : exception.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal) || exception.Message.Contains("exceeds", StringComparison.OrdinalIgnoreCase)
                ? $"The XML is larger than {MaxCharactersInDocument} characters (limit XML-SIZE)."
                : $"The input is not well-formed XML (XML-WELLFORMED): {Describe(exception.Message)}.";
        return new InvoiceFormatException(message, where, exception);
    }

    /// <summary>What is wrong, in words rather than the XML reader's own text (which may also be in another language).</summary>
    private static string Describe(string readerMessage) => readerMessage switch
    {
        _ when readerMessage.Contains("Unexpected end of file", StringComparison.Ordinal) => "it ends before the document is complete; it may have been cut off",
        _ when readerMessage.Contains("Root element is missing", StringComparison.Ordinal) => "it has no root element; it is empty or not XML",
        _ when readerMessage.Contains("Data at the root level is invalid", StringComparison.Ordinal) => "it does not start with an XML element; it is not XML",
        _ when readerMessage.Contains("multiple root elements", StringComparison.Ordinal) => "it has more than one root element, or text after its end",
        _ when readerMessage.Contains("does not match the end tag", StringComparison.Ordinal) => "a closing tag does not match its opening tag",
        _ when readerMessage.Contains("undeclared entity", StringComparison.Ordinal) => "it uses an entity (&name;) that XML does not define",
        _ when readerMessage.Contains("character", StringComparison.OrdinalIgnoreCase) => "it holds a character XML does not allow there, or bytes that are not in its encoding",
        _ => "a tag, an attribute or a character is not where XML allows it",
    };

    private static string? LineOf(XmlReader reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo()
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {info.LineNumber}, position {info.LinePosition}")
            : null;
}
