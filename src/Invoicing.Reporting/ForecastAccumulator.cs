using System.Globalization;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Reporting;

/// <summary>Builds the cash-in forecast in one pass over open accounts: per currency, three arrays of weeks.</summary>
internal sealed class ForecastAccumulator
{
    /// <summary>The longest forecast, in weeks (ten years).</summary>
    public const int MaxWeeks = 520;

    private readonly LocalDate _asOf;
    private readonly int _weeks;
    private readonly PaymentBehaviourReport _behaviour;
    private readonly Dictionary<string, State> _currencies = new(StringComparer.Ordinal);
    private long _index;

    public ForecastAccumulator(LocalDate asOf, int weeks, PaymentBehaviourReport behaviour)
    {
        if (weeks is < 1 or > MaxWeeks)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("REP-FORECAST-WEEKS", "weeks", string.Create(CultureInfo.InvariantCulture, $"A forecast covers 1 to {MaxWeeks} weeks, not {weeks}.")));
        }

        ArgumentNullException.ThrowIfNull(behaviour);
        _asOf = asOf;
        _weeks = weeks;
        _behaviour = behaviour;
    }

    public void Add(InvoiceAccount? candidate)
    {
        var account = AccountFacts.Check(candidate, _index++);
        if (!AccountFacts.IsInvoiceIssuedBy(account, _asOf))
        {
            return;
        }

        var balance = AccountFacts.BalanceOn(account, _asOf);
        if (balance <= 0m)
        {
            return;
        }

        var document = account.Invoice.Document;
        if (!_currencies.TryGetValue(document.Currency.Code, out var state))
        {
            state = new State(document.Currency, _weeks);
            _currencies.Add(document.Currency.Code, state);
        }

        var (shift, spread) = ShiftAndSpread(document.CustomerKey);
        var expected = AccountFacts.DaysBetween(_asOf, account.DueDate) + shift;
        state.Count++;
        state.Open += balance;
        Place(state.Expected, expected, balance, state, countBeyond: true);
        Place(state.Early, expected - spread, balance, state, countBeyond: false);
        Place(state.Late, expected + spread, balance, state, countBeyond: false);
    }

    public CashForecast Build() => new(
        _asOf,
        _weeks,
        _currencies.Values.OrderBy(s => s.Currency.Code, StringComparer.Ordinal).Select(ToForecast).ToList());

    /// <summary>The whole-day shift (mean delay) and spread (standard deviation) for a customer.</summary>
    internal (int Shift, int Spread) ShiftAndSpread(string customerKey)
    {
        var customer = _behaviour.For(customerKey);
        var overall = _behaviour.Overall;
        var shift = customer?.AverageDelayDays ?? overall?.AverageDelayDays ?? 0m;
        var spread = customer is { PaidInvoices: >= 2 } ? customer.DelayStandardDeviationDays : overall?.DelayStandardDeviationDays ?? 0m;
        return ((int)Math.Round(shift, MidpointRounding.AwayFromZero), (int)Math.Round(spread, MidpointRounding.AwayFromZero));
    }

    private void Place(decimal[] weeks, int daysFromAsOf, decimal amount, State state, bool countBeyond)
    {
        var week = daysFromAsOf <= 0 ? 0 : daysFromAsOf / 7;
        if (week < _weeks)
        {
            weeks[week] += amount;
        }
        else if (countBeyond)
        {
            state.Beyond += amount;
        }
    }

    private CurrencyForecast ToForecast(State state)
    {
        var weeks = new List<ForecastWeek>(_weeks);
        var cumulative = 0m;
        for (var i = 0; i < _weeks; i++)
        {
            var start = _asOf.PlusDays(7 * i);
            cumulative += state.Expected[i];
            var low = Math.Min(state.Expected[i], Math.Min(state.Early[i], state.Late[i]));
            var high = Math.Max(state.Expected[i], Math.Max(state.Early[i], state.Late[i]));
            weeks.Add(new ForecastWeek(i, start, start.PlusDays(6), state.Expected[i], low, high, cumulative));
        }

        return new CurrencyForecast(state.Currency, weeks, state.Beyond, state.Open, state.Count);
    }

    private sealed class State(Currency currency, int weeks)
    {
        public Currency Currency { get; } = currency;

        public decimal[] Expected { get; } = new decimal[weeks];

        public decimal[] Early { get; } = new decimal[weeks];

        public decimal[] Late { get; } = new decimal[weeks];

        public decimal Beyond { get; set; }

        public decimal Open { get; set; }

        public int Count { get; set; }
    }
}
