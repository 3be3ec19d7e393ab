using System.Globalization;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.EInvoicing.Xml;

/// <summary>
/// Culture-invariant formatting and strict parsing of the values e-invoices carry: amounts with the currency's
/// minor digits, decimals as written, dates in CII format 102 (<c>yyyyMMdd</c>) and ISO (<c>yyyy-MM-dd</c>).
/// Parse failures are <see cref="InvoiceFormatException"/>s naming the element path.
/// </summary>
internal static class XmlValues
{
    private static readonly string[] FixedFormats = ["F0", "F1", "F2", "F3", "F4"];

    /// <summary>An amount rounded by <see cref="Currency.Round"/> and written with exactly the currency's minor digits.</summary>
    public static string FormatAmount(decimal amount, Currency currency)
    {
        var rounded = currency.Round(amount);
        var digits = currency.MinorUnits;
        return rounded.ToString(digits < FixedFormats.Length ? FixedFormats[digits] : "F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>A quantity, price or rate as its value is (no rounding, no exponent, invariant culture).</summary>
    public static string FormatDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A date in UN/CEFACT format 102: <c>yyyyMMdd</c>.</summary>
    public static string FormatDate102(LocalDate date)
    {
        Span<char> buffer = stackalloc char[8];
        if (date.Year is < 1 or > 9999)
        {
            throw new InvoiceFormatException("A date before year 1 or after 9999 cannot be written.", "date");
        }

        Write(buffer, date.Year, 4, 0);
        Write(buffer, date.Month, 2, 4);
        Write(buffer, date.Day, 2, 6);
        return new string(buffer);
    }

    /// <summary>A date in ISO 8601 extended format: <c>yyyy-MM-dd</c>.</summary>
    public static string FormatIsoDate(LocalDate date)
    {
        Span<char> buffer = stackalloc char[10];
        if (date.Year is < 1 or > 9999)
        {
            throw new InvoiceFormatException("A date before year 1 or after 9999 cannot be written.", "date");
        }

        Write(buffer, date.Year, 4, 0);
        buffer[4] = '-';
        Write(buffer, date.Month, 2, 5);
        buffer[7] = '-';
        Write(buffer, date.Day, 2, 8);
        return new string(buffer);
    }

    /// <summary>Parses an XSD decimal (optional sign, digits, optional point; no exponent, no thousands separator).</summary>
    /// <exception cref="InvoiceFormatException">The text is not a decimal number.</exception>
    public static decimal ParseDecimal(string? text, string path)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            throw new InvoiceFormatException("A number is required but the element is empty (XML-NUMBER).", path);
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new InvoiceFormatException(
                IsDecimalSyntax(trimmed)
                    ? $"'{Shorten(text!)}' is too large: numbers have at most 28 significant digits (XML-NUMBER)."
                    : $"'{Shorten(text!)}' is not a decimal number (XML-NUMBER).",
                path);
        }

        return value;
    }

    /// <summary>Parses a date in format 102 (<c>yyyyMMdd</c>).</summary>
    /// <exception cref="InvoiceFormatException">The text is not a valid date in that format.</exception>
    public static LocalDate ParseDate102(string? text, string path)
    {
        var s = text.AsSpan().Trim();
        if (s.Length != 8 || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(4, 2), out var month) || !TryDigits(s.Slice(6, 2), out var day))
        {
            throw new InvoiceFormatException($"'{Shorten(text ?? string.Empty)}' is not a date in format 102 (yyyyMMdd) (XML-DATE).", path);
        }

        return MakeDate(year, month, day, text!, path);
    }

    /// <summary>Parses an ISO date (<c>yyyy-MM-dd</c>).</summary>
    /// <exception cref="InvoiceFormatException">The text is not a valid ISO date.</exception>
    public static LocalDate ParseIsoDate(string? text, string path)
    {
        var s = text.AsSpan().Trim();
        if (s.Length != 10 || s[4] != '-' || s[7] != '-' || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day))
        {
            throw new InvoiceFormatException($"'{Shorten(text ?? string.Empty)}' is not a date in format yyyy-MM-dd (XML-DATE).", path);
        }

        return MakeDate(year, month, day, text!, path);
    }

    /// <summary>Parses an element's text as an XSD decimal; the element path is built only when it fails.</summary>
    /// <exception cref="InvoiceFormatException">The text is not a decimal number.</exception>
    public static decimal ParseDecimal(System.Xml.Linq.XElement element)
    {
        try
        {
            return ParseDecimal(element.Value, null!);
        }
        catch (InvoiceFormatException exception)
        {
            throw new InvoiceFormatException(exception.Message, XmlPath.Of(element));
        }
    }

    /// <summary>Parses an element's text as a format 102 date; the element path is built only when it fails.</summary>
    /// <exception cref="InvoiceFormatException">The text is not a valid date in that format.</exception>
    public static LocalDate ParseDate102(System.Xml.Linq.XElement element)
    {
        try
        {
            return ParseDate102(element.Value, null!);
        }
        catch (InvoiceFormatException exception)
        {
            throw new InvoiceFormatException(exception.Message, XmlPath.Of(element));
        }
    }

    /// <summary>Parses an element's text as an ISO date; the element path is built only when it fails.</summary>
    /// <exception cref="InvoiceFormatException">The text is not a valid ISO date.</exception>
    public static LocalDate ParseIsoDate(System.Xml.Linq.XElement element)
    {
        try
        {
            return ParseIsoDate(element.Value, null!);
        }
        catch (InvoiceFormatException exception)
        {
            throw new InvoiceFormatException(exception.Message, XmlPath.Of(element), exception.InnerException);
        }
    }

    private static LocalDate MakeDate(int year, int month, int day, string text, string path)
    {
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            throw new InvoiceFormatException($"'{Shorten(text)}' is not a calendar date (XML-DATE).", path);
        }

        return new LocalDate(year, month, day);
    }

    /// <summary>Whether the text is written as a decimal (sign, digits, one point): then only its size can have failed.</summary>
    private static bool IsDecimalSyntax(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            text = text[1..];
        }

        var point = text.IndexOf('.');
        var integral = point < 0 ? text : text[..point];
        var fraction = point < 0 ? [] : text[(point + 1)..];
        return integral.Length + fraction.Length > 0 && !integral.ContainsAnyExceptInRange('0', '9') && !fraction.ContainsAnyExceptInRange('0', '9');
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static void Write(Span<char> buffer, int value, int width, int offset)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            buffer[offset + i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
