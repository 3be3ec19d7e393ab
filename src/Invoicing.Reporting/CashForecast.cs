using Invoicing.Core;
using NodaTime;

namespace Invoicing.Reporting;

/// <summary>One week of the cash-in forecast.</summary>
/// <param name="Index">0 for the week that starts on the as-of day.</param>
/// <param name="Start">The first day of the week.</param>
/// <param name="End">The last day of the week.</param>
/// <param name="Expected">Open balances expected in the week: due date shifted by the customer's average delay.</param>
/// <param name="Low">The least of the three scenarios (early, expected, late) for the week.</param>
/// <param name="High">The most of the three scenarios for the week.</param>
/// <param name="CumulativeExpected">Expected cash from the as-of day to the end of the week.</param>
public sealed record ForecastWeek(int Index, LocalDate Start, LocalDate End, decimal Expected, decimal Low, decimal High, decimal CumulativeExpected);

/// <summary>The forecast of one currency.</summary>
/// <param name="Currency">The invoice currency.</param>
/// <param name="Weeks">The weeks, in order.</param>
/// <param name="BeyondHorizon">Open balances expected after the last week.</param>
/// <param name="OpenBalance">Every open balance: the weeks' expected amounts plus <paramref name="BeyondHorizon"/>.</param>
/// <param name="InvoiceCount">How many open invoices.</param>
public sealed record CurrencyForecast(Currency Currency, IReadOnlyList<ForecastWeek> Weeks, decimal BeyondHorizon, decimal OpenBalance, int InvoiceCount);

/// <summary>
/// Cash expected week by week. Each open invoice is expected on its due date plus its customer's average delay
/// (from settled invoices; the portfolio's when the customer has none, no shift when nothing was ever settled),
/// rounded to whole days; a date before the as-of day falls in week 0. The band comes from two more scenarios
/// where every invoice arrives one standard deviation of the delay earlier or later (the customer's deviation
/// when it has two settled invoices or more, else the portfolio's): per week, Low and High are the least and
/// the most of the three scenarios.
/// </summary>
/// <param name="AsOf">The first day of week 0.</param>
/// <param name="WeekCount">How many weeks.</param>
/// <param name="Currencies">One forecast per currency, in code order.</param>
public sealed record CashForecast(LocalDate AsOf, int WeekCount, IReadOnlyList<CurrencyForecast> Currencies)
{
    /// <summary>The forecast of a currency, or null when nothing is open in it.</summary>
    public CurrencyForecast? For(string currencyCode) => Currencies.FirstOrDefault(c => string.Equals(c.Currency.Code, currencyCode, StringComparison.OrdinalIgnoreCase));
}
