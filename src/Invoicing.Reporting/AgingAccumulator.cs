using Invoicing.Core;
using NodaTime;

namespace Invoicing.Reporting;

/// <summary>Builds an aging report in one pass; memory grows with customers and currencies, not invoices.</summary>
internal sealed class AgingAccumulator(LocalDate asOf, AgingBuckets buckets)
{
    private readonly Dictionary<string, CurrencyState> _currencies = new(StringComparer.Ordinal);
    private long _index;

    public void Add(InvoiceAccount? candidate)
    {
        var account = AccountFacts.Check(candidate, _index++);
        if (!AccountFacts.IsInvoiceIssuedBy(account, asOf))
        {
            return;
        }

        var balance = AccountFacts.BalanceOn(account, asOf);
        if (balance <= 0m)
        {
            return;
        }

        var document = account.Invoice.Document;
        if (!_currencies.TryGetValue(document.Currency.Code, out var state))
        {
            state = new CurrencyState(document.Currency, buckets.Count);
            _currencies.Add(document.Currency.Code, state);
        }

        var column = buckets.IndexOf(AccountFacts.DaysBetween(account.DueDate, asOf));
        var key = document.CustomerKey;
        if (!state.Customers.TryGetValue(key, out var customer))
        {
            customer = new Line(document.Buyer.Name, buckets.Count);
            state.Customers.Add(key, customer);
        }

        customer.Add(column, balance);
        state.Total.Add(column, balance);
    }

    public AgingReport Build() => new(
        asOf,
        buckets,
        _currencies.Values
            .OrderBy(c => c.Currency.Code, StringComparer.Ordinal)
            .Select(c => new CurrencyAging(
                c.Currency,
                c.Total.ToRow(string.Empty, "Total"),
                c.Customers
                    .Select(pair => pair.Value.ToRow(pair.Key, pair.Value.Name))
                    .OrderByDescending(r => r.Total)
                    .ThenBy(r => r.CustomerKey, StringComparer.Ordinal)
                    .ToList()))
            .ToList());

    private sealed class CurrencyState(Currency currency, int columns)
    {
        public Currency Currency { get; } = currency;

        public Line Total { get; } = new("Total", columns);

        public Dictionary<string, Line> Customers { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Line(string name, int columns)
    {
        private readonly decimal[] _amounts = new decimal[columns];
        private int _count;

        public string Name { get; } = name;

        public void Add(int column, decimal amount)
        {
            _amounts[column] += amount;
            _count++;
        }

        public AgingRow ToRow(string key, string name) => new(key, name, [.. _amounts], _amounts.Sum(), _count);
    }
}
