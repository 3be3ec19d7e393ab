using System.Globalization;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Reporting;

/// <summary>Builds the DSO report in one pass: per currency, a few sums and 36 monthly sales totals.</summary>
internal sealed class DsoAccumulator
{
    /// <summary>How many months back the countback looks.</summary>
    public const int CountbackMonths = 36;

    private readonly LocalDate _asOf;
    private readonly int _periodDays;
    private readonly LocalDate _periodStart;
    private readonly LocalDate _firstMonth;
    private readonly Dictionary<string, State> _currencies = new(StringComparer.Ordinal);
    private long _index;

    public DsoAccumulator(LocalDate asOf, int periodDays)
    {
        if (periodDays is < 1 or > 3_660)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("REP-DSO-PERIOD", "periodDays", string.Create(CultureInfo.InvariantCulture, $"The DSO period is 1 to 3660 days, not {periodDays}.")));
        }

        _asOf = asOf;
        _periodDays = periodDays;
        _periodStart = asOf.PlusDays(-periodDays);
        _firstMonth = new LocalDate(asOf.Year, asOf.Month, 1).PlusMonths(-(CountbackMonths - 1));
    }

    public void Add(InvoiceAccount? candidate)
    {
        var account = AccountFacts.Check(candidate, _index++);
        var document = account.Invoice.Document;
        if (document.IssueDate > _asOf)
        {
            return;
        }

        if (!_currencies.TryGetValue(document.Currency.Code, out var state))
        {
            state = new State(document.Currency);
            _currencies.Add(document.Currency.Code, state);
        }

        var isCredit = document.Type.IsCreditNote();
        var sale = isCredit ? -account.AmountDue : account.AmountDue;
        if (document.IssueDate > _periodStart)
        {
            state.Sales += sale;
        }

        if (document.IssueDate >= _firstMonth)
        {
            state.MonthlySales[MonthOffset(document.IssueDate)] += sale;
        }

        if (isCredit)
        {
            return;
        }

        var balance = AccountFacts.BalanceOn(account, _asOf);
        if (balance > 0m)
        {
            state.Receivables += balance;
            if (account.DueDate >= _asOf)
            {
                state.Current += balance;
            }
        }

        if (document.IssueDate <= _periodStart)
        {
            var opening = AccountFacts.BalanceOn(account, _periodStart);
            if (opening > 0m)
            {
                state.Opening += opening;
            }
        }
    }

    public DsoReport Build() => new(
        _asOf,
        _periodDays,
        _currencies.Values.OrderBy(s => s.Currency.Code, StringComparer.Ordinal).Select(Figures).ToList());

    private DsoFigures Figures(State state)
    {
        var standard = state.Sales > 0m ? Days(state.Receivables / state.Sales * _periodDays) : (decimal?)null;
        var (countback, lowerBound) = Countback(state);
        var denominator = state.Opening + state.Sales - state.Current;
        var cei = denominator > 0m
            ? Math.Round((state.Opening + state.Sales - state.Receivables) / denominator * 100m, 2, MidpointRounding.AwayFromZero)
            : (decimal?)null;
        return new DsoFigures(state.Currency, state.Receivables, state.Sales, standard, countback, lowerBound, state.Opening, state.Current, cei);
    }

    private (decimal Days, bool LowerBound) Countback(State state)
    {
        var remaining = state.Receivables;
        var days = 0m;
        for (var back = 0; back < CountbackMonths && remaining > 0m; back++)
        {
            var offset = CountbackMonths - 1 - back;
            var monthDays = back == 0 ? _asOf.Day : CalendarDays(_firstMonth.PlusMonths(offset));
            var sales = state.MonthlySales[offset];
            if (sales > 0m && remaining <= sales)
            {
                days += remaining / sales * monthDays;
                remaining = 0m;
            }
            else
            {
                remaining -= Math.Max(sales, 0m);
                days += monthDays;
            }
        }

        return (Days(days), remaining > 0m);
    }

    private int MonthOffset(LocalDate date) => ((date.Year - _firstMonth.Year) * 12) + date.Month - _firstMonth.Month;

    private static int CalendarDays(LocalDate firstOfMonth) => firstOfMonth.Calendar.GetDaysInMonth(firstOfMonth.Year, firstOfMonth.Month);

    private static decimal Days(decimal days) => Math.Round(days, 1, MidpointRounding.AwayFromZero);

    private sealed class State(Currency currency)
    {
        public Currency Currency { get; } = currency;

        public decimal Receivables { get; set; }

        public decimal Current { get; set; }

        public decimal Opening { get; set; }

        public decimal Sales { get; set; }

        public decimal[] MonthlySales { get; } = new decimal[CountbackMonths];
    }
}
