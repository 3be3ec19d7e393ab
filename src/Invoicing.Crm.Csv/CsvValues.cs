using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Crm.Csv;

/// <summary>
/// Reads the values of a CSV cell as spreadsheets write them: decimals with a point or a French comma, with spaces
/// (also no-break spaces) between thousands; dates as ISO <c>yyyy-MM-dd</c> or French <c>dd/MM/yyyy</c>. Pure.
/// </summary>
internal static class CsvValues
{
    private static readonly LocalDatePattern FrenchDate = LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu");

    public static bool TryDecimal(string text, out decimal value)
    {
        var compact = string.Concat(text.Where(c => c is not (' ' or '\u00A0' or '\u202F' or '\'')));
        var comma = compact.LastIndexOf(',');
        var point = compact.LastIndexOf('.');
        if (comma >= 0 && point >= 0)
        {
            // Both: the last one is the decimal separator, the other groups thousands ("1.234,56", "1,234.56").
            compact = comma > point ? compact.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.') : compact.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (comma >= 0)
        {
            compact = compact.Replace(',', '.');
        }

        return decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryDate(string text, out LocalDate date)
    {
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            parsed = FrenchDate.Parse(text);
        }

        date = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }
}
