using System.Globalization;
using Invoicing.Core;
using Invoicing.EInvoicing.Xml;
using NodaTime;

namespace Invoicing.EInvoicing.Cii;

/// <content>
/// Values and errors: each error says which field (its EN 16931 term, and the line when it is on a line) is wrong and
/// how, in words, and its path names the element.
/// </content>
internal sealed partial class CiiParser
{
    /// <summary>Whether the current element is in the <c>ram</c> namespace.</summary>
    private bool IsRam => _cursor.NamespaceUri == _ram;

    /// <summary>The text of the current element, trimmed (empty, not null, when it has none: the first occurrence wins).</summary>
    private string Text() => _cursor.ReadText();

    /// <summary>The text of the first <c>ram</c> child named <paramref name="name"/> of the current element (null when absent, empty when empty).</summary>
    private string? ChildText(string name)
    {
        string? value = null;
        var depth = _cursor.Depth;
        while (_cursor.ReadChild(depth))
        {
            if (value is null && IsRam && _cursor.LocalName == name)
            {
                value = Text();
            }
        }

        return value;
    }

    /// <summary>An identifier with its scheme attribute (<c>schemeID</c> or another), from the current element; null when empty.</summary>
    private Identifier? ReadIdentifier(string schemeAttribute = "schemeID")
    {
        var scheme = _cursor.Attribute(schemeAttribute);
        var value = Text();
        return value.Length == 0 ? null : new Identifier(value, scheme);
    }

    /// <summary>A value as the model keeps it: null when absent or empty.</summary>
    private static string? Value(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>A mandatory text child of the element at <paramref name="depth"/> (the cursor on its end).</summary>
    private string Required(string? text, int depth, string child, string field, int line = 0) =>
        Value(text) ?? throw _cursor.Error(depth, MissingMessage(field, line), child);

    /// <summary>A mandatory child element, read into <paramref name="value"/>, of the element at <paramref name="depth"/>.</summary>
    private T Required<T>(T? value, int depth, string child, string field, int line = 0)
        where T : class =>
        value ?? throw _cursor.Error(depth, MissingMessage(field, line), child);

    /// <summary>An optional number: the first child <paramref name="child"/> of the element at <paramref name="depth"/>, null when absent or empty.</summary>
    private decimal? OptionalDecimal(string? text, int depth, string child, string field, int line = 0) =>
        string.IsNullOrEmpty(text) ? null : Decimal(text, depth, child, field, line);

    /// <summary>A mandatory number: the first child <paramref name="child"/> of the element at <paramref name="depth"/>.</summary>
    private decimal RequiredDecimal(string? text, int depth, string child, string field, int line = 0) =>
        string.IsNullOrEmpty(text) ? throw _cursor.Error(depth, MissingMessage(field, line), child) : Decimal(text, depth, child, field, line);

    /// <summary>A number that must be there once its element is (an empty one is an error, not an absence).</summary>
    private decimal Decimal(string text, int depth, string child, string field, int line = 0) =>
        TryDecimal(text, out var value) ? value : throw _cursor.Error(depth, NumberMessage(text, field, line), child, _ram, 1);

    private static bool TryDecimal(string text, out decimal value)
    {
        value = 0m;
        if (text.Length == 0)
        {
            return false;
        }

        try
        {
            value = XmlValues.ParseDecimal(text, string.Empty);
            return true;
        }
        catch (InvoiceFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// A date holder (<c>IssueDateTime</c>, <c>TaxPointDate</c>...): its <c>udt:DateTimeString</c> (or, qualified, the
    /// <c>qdt:DateTimeString</c>; else <c>udt:DateString</c>) in format 102. Null when the holder is empty.
    /// </summary>
    private LocalDate? ReadDate(string field, int line = 0, bool qualified = false)
    {
        var depth = _cursor.Depth;
        string? dateTime = null, dateTimeFormat = null, other = null, otherFormat = null;
        var otherName = qualified ? "DateTimeString" : "DateString";
        var otherNamespace = _udt;
        var firstNamespace = qualified ? _qdt : _udt;
        _cursor.WatchText();
        while (_cursor.ReadChild(depth))
        {
            var ns = _cursor.NamespaceUri;
            var name = _cursor.LocalName;
            if (dateTime is null && ns == firstNamespace && name == "DateTimeString")
            {
                dateTimeFormat = _cursor.Attribute("format");
                dateTime = Text();
            }
            else if (other is null && ns == otherNamespace && name == otherName)
            {
                otherFormat = _cursor.Attribute("format");
                other = Text();
            }
        }

        var (text, format, child, childNamespace) = dateTime is not null
            ? (dateTime, dateTimeFormat, "DateTimeString", firstNamespace)
            : (other, otherFormat, otherName, otherNamespace);
        if (text is null)
        {
            return _cursor.SawText
                ? throw _cursor.Error(depth, $"{Subject(field, line)} has text but no DateTimeString element to hold the date (XML-MANDATORY).", "DateTimeString")
                : null;
        }

        if (format is not null && format != "102")
        {
            throw _cursor.Error(depth, $"{Subject(field, line)} is written in date format '{Shorten(format)}'; EN 16931 requires format 102 (yyyyMMdd) (XML-DATE).", child, childNamespace, 1);
        }

        try
        {
            return XmlValues.ParseDate102(text, string.Empty);
        }
        catch (InvoiceFormatException)
        {
            var shapeIsRight = text.Length == 8 && text.All(char.IsAsciiDigit);
            throw _cursor.Error(
                depth,
                shapeIsRight
                    ? $"{Subject(field, line)} is not a date of the calendar: \"{text}\" (XML-DATE)."
                    : $"{Subject(field, line)} must be a date written yyyyMMdd (format 102), got \"{Shorten(text)}\" (XML-DATE).",
                child,
                childNamespace,
                1);
        }
    }

    /// <summary>A charge indicator (<c>udt:Indicator</c> true/false or 1/0); the cursor on its <c>ChargeIndicator</c>.</summary>
    private bool ReadIndicator(int line)
    {
        var depth = _cursor.Depth;
        string? indicator = null;
        _cursor.WatchText(keep: true);
        while (_cursor.ReadChild(depth))
        {
            if (indicator is null && _cursor.NamespaceUri == _udt && _cursor.LocalName == "Indicator")
            {
                indicator = Text();
            }
        }

        var value = indicator ?? _cursor.KeptText.Trim();
        return value switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw _cursor.Error(depth, $"{Subject("the charge indicator of an allowance or charge (BG-20, BG-21)", line)} must be true or false, got \"{Shorten(value)}\" (XML-BOOLEAN)."),
        };
    }

    /// <summary>The error for a value that is not one of its code list; the value is the first child <paramref name="child"/> of the element at <paramref name="depth"/>.</summary>
    private InvoiceFormatException BadCode(int depth, string child, string value, string field, string list, int line = 0) =>
        _cursor.Error(depth, $"{Subject(field, line)} must be one of {list}, got \"{Shorten(value)}\" (XML-CODE).", child, _ram, 1);

    private static string MissingMessage(string field, int line) => $"{Subject(field, line)} is missing or empty (XML-MANDATORY).";

    private static string NumberMessage(string text, string field, int line)
    {
        var subject = Subject(field, line);
        if (text.Length == 0)
        {
            return $"{subject} must be a number, but it is empty (XML-NUMBER).";
        }

        var digits = text.AsSpan().TrimStart('-').TrimStart('+');
        return digits.Length > 0 && !digits.ContainsAnyExcept("0123456789.") && digits.IndexOf('.') == digits.LastIndexOf('.')
            ? $"{subject} is too large a number: \"{Shorten(text)}\" (XML-NUMBER)."
            : $"{subject} must be a number written like 1234.56 (a point for decimals, no spaces, no exponent), got \"{Shorten(text)}\" (XML-NUMBER).";
    }

    /// <summary>"The invoice number (BT-1)", or "The item name (BT-153) of line 3".</summary>
    private static string Subject(string field, int line)
    {
        var subject = string.Concat(field[..1].ToUpperInvariant(), field.AsSpan(1));
        return line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{subject} of line {line}") : subject;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
