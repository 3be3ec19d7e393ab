using System.Globalization;
using Invoicing.Core;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Portal.Rendering;

/// <summary>Amounts and dates written the way the page's language writes them.</summary>
internal static class Formats
{
    /// <summary>The amount with its currency's minor units and code (<c>1,234.50 EUR</c>, <c>1 234,50 EUR</c>).</summary>
    public static string Money(decimal amount, Currency currency, CultureInfo culture) =>
        amount.ToString("N" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture), culture) + "\u00a0" + currency.Code;

    /// <summary>A day written out (<c>8 December 2026</c>, <c>8 décembre 2026</c>).</summary>
    public static string Date(LocalDate date, CultureInfo culture) => LocalDatePattern.Create("d MMMM yyyy", culture).Format(date);

    /// <summary>A quantity or rate without trailing zeros (<c>2</c>, <c>1.5</c>, <c>1,5</c>).</summary>
    public static string Number(decimal value, CultureInfo culture) => value.ToString("#,0.######", culture);
}
