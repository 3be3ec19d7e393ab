using System.Globalization;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Pdf.Layout;

/// <summary>How numbers and dates are written in one language; culture-invariant apart from these choices.</summary>
internal sealed class Formats
{
    private static readonly string[] EnglishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private readonly NumberFormatInfo numbers;
    private readonly bool french;

    private Formats(bool french)
    {
        this.french = french;
        numbers = (NumberFormatInfo)NumberFormatInfo.InvariantInfo.Clone();
        numbers.NumberGroupSeparator = french ? " " : ",";
        numbers.NumberDecimalSeparator = french ? "," : ".";
        numbers.NegativeSign = "-";
    }

    public static Formats French { get; } = new(french: true);

    public static Formats English { get; } = new(french: false);

    public static Formats For(PdfLanguage language) => language == PdfLanguage.English ? English : French;

    /// <summary>An amount with the currency's minor digits, without the currency: <c>1 234,56</c>.</summary>
    public string Amount(decimal amount, Currency currency) =>
        amount.ToString("N" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture), numbers);

    /// <summary>An amount with its currency: <c>1 234,56 €</c> in French, <c>€1,234.56</c> in English.</summary>
    public string Money(decimal amount, Currency currency)
    {
        var symbol = currency.Code == "EUR" ? "€" : currency.Code;
        var text = Amount(amount, currency);
        return french || symbol.Length > 1 ? $"{text} {symbol}" : $"{symbol}{text}";
    }

    /// <summary>A quantity or price with as many decimals as it has (at least <paramref name="minDecimals"/>).</summary>
    public string Decimal(decimal value, int minDecimals = 0)
    {
        var format = "#,0." + new string('0', minDecimals) + new string('#', Math.Max(0, 6 - minDecimals));
        return value.ToString(format, numbers);
    }

    /// <summary>A VAT rate: <c>20 %</c>, <c>5,5 %</c>.</summary>
    public string Percent(decimal? rate) => rate is { } r ? $"{Decimal(r)} %" : "-";

    /// <summary>A date: <c>02/11/2026</c> in French, <c>2 Nov 2026</c> in English.</summary>
    public string Date(LocalDate date) => french
        ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{date.Day} {EnglishMonths[date.Month - 1]} {date.Year}");
}
