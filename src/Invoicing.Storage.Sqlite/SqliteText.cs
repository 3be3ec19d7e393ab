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

    public static string Instant(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
