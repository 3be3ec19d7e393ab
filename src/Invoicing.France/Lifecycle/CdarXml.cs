using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Invoicing.Core;

namespace Invoicing.France;

/// <summary>
/// Loads an untrusted status message: no DTD (no entity expansion), no resolver (no external entity, no file or network
/// access), a size limit and a nesting limit. Every refusal is an <see cref="InvoiceFormatException"/> in the user's
/// words, naming the limit; the parser's own text stays in the inner exception.
/// </summary>
internal static class CdarXml
{
    /// <summary>Largest message read, in bytes (4 MiB): a status message holds a few kilobytes.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted; a status message stays under 10 levels.</summary>
    public const int MaxDepth = 32;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxBytes,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <summary>Reads the whole input (at most <see cref="MaxBytes"/>) and returns its root element.</summary>
    /// <exception cref="InvoiceFormatException">Too large, empty, not well-formed, has a DTD or nests too deeply.</exception>
    public static XElement Load(Stream input)
    {
        var bytes = ReadBounded(input);
        if (bytes.Length == 0)
        {
            throw new InvoiceFormatException("The status message is empty: there is no XML in it (XML-WELLFORMED).", "/");
        }

        try
        {
            CheckDepth(bytes);
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), Settings);
            return XDocument.Load(reader).Root!;
        }
        catch (XmlException exception)
        {
            var where = exception.LineNumber > 0 ? string.Create(CultureInfo.InvariantCulture, $"line {exception.LineNumber}, position {exception.LinePosition}") : "/";
            var message = exception.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "The status message declares a DTD; DTDs and entities are refused (limit XML-DTD)."
                : "The status message is not well-formed XML: a tag is not closed or misspelt, or a character is not allowed there (XML-WELLFORMED).";
            throw new InvoiceFormatException(message, where, exception);
        }
    }

    /// <summary>A first pass with a bare reader, so a hostile nesting is refused before any tree is built.</summary>
    private static void CheckDepth(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), Settings);
        while (reader.Read())
        {
            if (reader.Depth >= MaxDepth)
            {
                var info = (IXmlLineInfo)reader;
                throw new InvoiceFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"The status message nests deeper than {MaxDepth} levels, which no status message does (limit XML-DEPTH)."),
                    string.Create(CultureInfo.InvariantCulture, $"line {info.LineNumber}, position {info.LinePosition}"));
            }
        }
    }

    private static byte[] ReadBounded(Stream input)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new InvoiceFormatException(string.Create(CultureInfo.InvariantCulture, $"The status message is larger than {MaxBytes} bytes, far above any real one (limit XML-SIZE)."), "/");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
