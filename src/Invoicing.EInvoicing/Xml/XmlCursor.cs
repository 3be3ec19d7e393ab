using System.Globalization;
using System.Text;
using System.Xml;
using Invoicing.Core;

namespace Invoicing.EInvoicing.Xml;

/// <summary>
/// Reads untrusted XML forward, one element at a time, without building a tree: the secure reader's limits (no DTD,
/// no resolver, size) plus the nesting depth limit on every element, and the element path of every open element
/// with its position among same-named siblings, so that an error names the element as
/// <see cref="XmlPath.Of(System.Xml.Linq.XElement, string?)"/> would.
/// </summary>
/// <remarks>
/// Whether a path step needs its position (<c>Line[2]</c>) depends on siblings that may come later in the file, so an
/// error reads the rest of the document before it is thrown: the path is then complete, and a file that is also
/// broken further on is refused for that, as a reader that loads the whole document first would refuse it.
/// </remarks>
internal sealed class XmlCursor
{
    private readonly XmlReader _reader;
    private readonly string[] _names = new string[SecureXml.MaxDepth];
    private readonly string[] _namespaces = new string[SecureXml.MaxDepth];
    private readonly int[] _positions = new int[SecureXml.MaxDepth];
    private readonly SiblingCounts?[] _children = new SiblingCounts?[SecureXml.MaxDepth];
    private readonly Stream? _input;
    private readonly long _origin;
    private int _openDepth = -1;
    private bool _sawText;
    private StringBuilder? _keptText;

    private XmlCursor(XmlReader reader, Stream? input, long origin) => (_reader, _input, _origin) = (reader, input, origin);

    /// <summary>The local name of the current element.</summary>
    public string LocalName => _reader.LocalName;

    /// <summary>The namespace of the current element.</summary>
    public string NamespaceUri => _reader.NamespaceURI;

    /// <summary>The depth of the current node (the root element is 0).</summary>
    public int Depth => _reader.Depth;

    /// <summary>The name table of the reader, to compare namespaces by reference.</summary>
    public XmlNameTable NameTable => _reader.NameTable;

    /// <summary>
    /// Opens a cursor on the root element of a secure reader over <paramref name="input"/>, read from
    /// <paramref name="origin"/> (looked at again to describe a fault, when it can seek).
    /// </summary>
    /// <exception cref="InvoiceFormatException">The input is not XML, declares a DTD or exceeds a limit before its root.</exception>
    public static XmlCursor OpenRoot(XmlReader reader, Stream? input = null, long origin = -1)
    {
        var cursor = new XmlCursor(reader, input, origin);
        while (cursor.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                return cursor;
            }
        }

        throw new InvoiceFormatException("The file is not XML: it has no root element (XML-WELLFORMED).", "/");
    }

    /// <summary>
    /// Moves to the next child element of the element at <paramref name="parentDepth"/> (the cursor being on that
    /// element, or on a previous child of it); false, with the cursor on the element's end, when there is none.
    /// A child the caller did not read is passed over, depth-checked.
    /// </summary>
    public bool ReadChild(int parentDepth)
    {
        if (_reader.NodeType == XmlNodeType.Element && _reader.IsEmptyElement && _reader.Depth == parentDepth)
        {
            return false;
        }

        while (Read())
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element when _reader.Depth == parentDepth + 1:
                    return true;
                case XmlNodeType.EndElement when _reader.Depth == parentDepth:
                    return false;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    var text = NodeValue();
                    _sawText |= !string.IsNullOrWhiteSpace(text);
                    _keptText?.Append(text);
                    break;
                default:
                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// Starts watching the text <see cref="ReadChild"/> passes over (the text of the children not read), to tell whether
    /// there was any (<see cref="SawText"/>) and, when <paramref name="keep"/>, what it was (<see cref="KeptText"/>).
    /// </summary>
    public void WatchText(bool keep = false)
    {
        _sawText = false;
        _keptText = keep ? new StringBuilder() : null;
    }

    /// <summary>Whether <see cref="ReadChild"/> passed over text other than white space since <see cref="WatchText"/>.</summary>
    public bool SawText => _sawText;

    /// <summary>The text <see cref="ReadChild"/> passed over since <c>WatchText(keep: true)</c>.</summary>
    public string KeptText => _keptText?.ToString() ?? string.Empty;

    /// <summary>The value of an attribute without namespace of the current element, trimmed; null when absent or empty.</summary>
    public string? Attribute(string name)
    {
        var value = _reader.GetAttribute(name)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The value of an attribute without namespace of the current element as written; null when absent.</summary>
    public string? RawAttribute(string name) => _reader.GetAttribute(name);

    /// <summary>
    /// All the text inside the current element (its descendants' too, as <c>XElement.Value</c>), trimmed; empty when
    /// it has none. The cursor ends on the element's end.
    /// </summary>
    public string ReadText()
    {
        if (_reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = _reader.Depth;
        string? first = null;
        StringBuilder? more = null;
        while (Read())
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    if (first is null)
                    {
                        first = NodeValue();
                    }
                    else
                    {
                        (more ??= new StringBuilder(first)).Append(NodeValue());
                    }

                    break;
                case XmlNodeType.EndElement when _reader.Depth == depth:
                    return (more?.ToString() ?? first)?.Trim() ?? string.Empty;
                default:
                    break;
            }
        }

        return string.Empty;
    }

    /// <summary>Where the element at <paramref name="depth"/> (an open ancestor of the cursor, or the current element) is, to name it in an error later.</summary>
    public XmlMark Mark(int depth)
    {
        var names = new string[depth + 1];
        var namespaces = new string[depth + 1];
        var positions = new int[depth + 1];
        var siblings = new SiblingCounts?[depth + 1];
        for (var level = 0; level <= depth; level++)
        {
            names[level] = _names[level];
            namespaces[level] = _namespaces[level];
            positions[level] = _positions[level];
            if (_children[level] is { } counts)
            {
                counts.Pinned = true;
                siblings[level] = counts;
            }
        }

        return new XmlMark(names, namespaces, positions, siblings);
    }

    /// <summary>
    /// The error for the element at <paramref name="mark"/>, or for its child <paramref name="child"/>: an absent one
    /// (<paramref name="childPosition"/> 0), or the one in <paramref name="childNamespace"/> at that 1-based position
    /// among its namesakes.
    /// Reads the rest of the document first: an XML fault further on wins, as it would have when loading it whole.
    /// </summary>
    public InvoiceFormatException Error(XmlMark mark, string message, string? child = null, string? childNamespace = null, int childPosition = 0)
    {
        while (Read())
        {
        }

        var path = new StringBuilder();
        for (var level = 0; level < mark.Names.Length; level++)
        {
            path.Append('/').Append(mark.Names[level]);
            if (level > 0 && mark.Siblings[level - 1] is { } siblings && siblings.Count(mark.Names[level], mark.Namespaces[level]) > 1)
            {
                path.Append(CultureInfo.InvariantCulture, $"[{mark.Positions[level]}]");
            }
        }

        if (child is not null)
        {
            path.Append('/').Append(child);
            if (childPosition > 0 && mark.Siblings[^1] is { } siblings && siblings.Count(child, childNamespace ?? string.Empty) > 1)
            {
                path.Append(CultureInfo.InvariantCulture, $"[{childPosition}]");
            }
        }

        return new InvoiceFormatException(message, path.ToString());
    }

    /// <summary>The error for the element at <paramref name="depth"/> (see <see cref="Mark"/>) or for its child.</summary>
    public InvoiceFormatException Error(int depth, string message, string? child = null, string? childNamespace = null, int childPosition = 0) =>
        Error(Mark(depth), message, child, childNamespace, childPosition);

    /// <summary>Reads the rest of the document, to its end, within the limits.</summary>
    /// <exception cref="InvoiceFormatException">The rest is not well-formed XML or exceeds a limit.</exception>
    public void ReadToEnd()
    {
        while (Read())
        {
        }
    }

    private bool Read()
    {
        bool more;
        try
        {
            more = _reader.Read();
        }
        catch (XmlException exception)
        {
            throw Translate(exception);
        }

        if (more && _reader.NodeType == XmlNodeType.Element)
        {
            Open();
            _openDepth = _reader.IsEmptyElement ? _reader.Depth - 1 : _reader.Depth;
        }
        else if (more && _reader.NodeType == XmlNodeType.EndElement)
        {
            _openDepth = _reader.Depth - 1;
        }

        return more;
    }

    /// <summary>The current node's text: the reader parses it only now, so the size limit may trip here.</summary>
    private string NodeValue()
    {
        try
        {
            return _reader.Value;
        }
        catch (XmlException exception)
        {
            throw Translate(exception);
        }
    }

    /// <summary>The reader's refusal in words, naming the innermost element still open.</summary>
    private InvoiceFormatException Translate(XmlException exception)
    {
        string? openElement = null;
        if (_openDepth >= 0)
        {
            var path = new StringBuilder();
            for (var level = 0; level <= _openDepth; level++)
            {
                path.Append('/').Append(_names[level]);
                if (_positions[level] > 1)
                {
                    path.Append(CultureInfo.InvariantCulture, $"[{_positions[level]}]");
                }
            }

            openElement = path.ToString();
        }

        return SecureXml.Translate(exception, new XmlFault(_input, _origin, openElement, _names[0] is not null));
    }

    private void Open()
    {
        SecureXml.CheckDepth(_reader);
        var depth = _reader.Depth;
        var name = _reader.LocalName;
        var ns = _reader.NamespaceURI;
        _names[depth] = name;
        _namespaces[depth] = ns;
        _positions[depth] = depth == 0 ? 1 : _children[depth - 1]!.Add(name, ns);
        if (_children[depth] is { Pinned: false } counts)
        {
            counts.Clear();
        }
        else
        {
            _children[depth] = new SiblingCounts();
        }
    }

    /// <summary>How many children of one element bear each name, so far.</summary>
    internal sealed class SiblingCounts
    {
        private (string Name, string Namespace, int Count)[] _items = new (string, string, int)[8];
        private int _length;

        /// <summary>Whether a mark refers to these counts, so they are kept rather than reused.</summary>
        public bool Pinned { get; set; }

        /// <summary>Counts one more child of that name and returns its 1-based position among its namesakes.</summary>
        public int Add(string name, string ns)
        {
            for (var i = 0; i < _length; i++)
            {
                ref var item = ref _items[i];
                if (item.Name == name && item.Namespace == ns)
                {
                    return ++item.Count;
                }
            }

            if (_length == _items.Length)
            {
                Array.Resize(ref _items, _length * 2);
            }

            _items[_length++] = (name, ns, 1);
            return 1;
        }

        /// <summary>How many children bear that name.</summary>
        public int Count(string name, string ns)
        {
            for (var i = 0; i < _length; i++)
            {
                if (_items[i].Name == name && _items[i].Namespace == ns)
                {
                    return _items[i].Count;
                }
            }

            return 0;
        }

        public void Clear() => _length = 0;
    }
}

/// <summary>Where an element is: the names and positions of it and its ancestors, and their sibling counts.</summary>
internal sealed record XmlMark(string[] Names, string[] Namespaces, int[] Positions, XmlCursor.SiblingCounts?[] Siblings);
