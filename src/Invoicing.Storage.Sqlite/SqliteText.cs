using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Storage.Sqlite;

/// <summary>How values are written to and read from TEXT columns: invariant, exact, sortable.</summary>
internal static class SqliteText
{
    public static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    public static decimal Amount(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Reads a date column; a value that is not a <c>yyyy-MM-dd</c> date is an <see cref="Core.InvoiceFormatException"/> naming the column.</summary>
    public static LocalDate ParseDate(string text, string column)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw new Core.InvoiceFormatException($"The column {column} holds '{text}', which is not a yyyy-MM-dd date.", column);
    }

    public static string Instant(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
