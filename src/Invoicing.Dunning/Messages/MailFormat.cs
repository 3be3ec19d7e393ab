using System.Globalization;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Dunning;

/// <summary>Dates, amounts and rates as a French or English reader expects them, for every mail template.</summary>
internal static class MailFormat
{
    private static readonly NumberFormatInfo French = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "\u00A0", NumberGroupSizes = [3] };
    private static readonly NumberFormatInfo English = new() { NumberDecimalSeparator = ".", NumberGroupSeparator = ",", NumberGroupSizes = [3] };

    public static string Date(LocalDate date, bool french) =>
        french ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Money(decimal amount, Currency currency, bool french)
    {
        var digits = "N" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture);
        return french
            ? amount.ToString(digits, French) + "\u00A0" + currency.Code
            : currency.Code + " " + amount.ToString(digits, English);
    }

    public static string Percent(decimal percent, bool french) =>
        french ? percent.ToString("0.00", French) + "\u00A0%" : percent.ToString("0.00", English) + "%";
}
