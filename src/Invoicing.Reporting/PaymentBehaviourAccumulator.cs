using Invoicing.Core;
using NodaTime;

namespace Invoicing.Reporting;

/// <summary>Builds the payment behaviour in one pass: per customer, a count and three sums.</summary>
internal sealed class PaymentBehaviourAccumulator(LocalDate asOf)
{
    private readonly Dictionary<string, Sums> _customers = new(StringComparer.Ordinal);
    private readonly Sums _overall = new("All customers");
    private long _index;

    public void Add(InvoiceAccount? candidate)
    {
        var account = AccountFacts.Check(candidate, _index++);
        if (!AccountFacts.IsInvoiceIssuedBy(account, asOf) || AccountFacts.BalanceOn(account, asOf) > 0m)
        {
            return;
        }

        LocalDate? settled = null;
        foreach (var payment in account.Payments)
        {
            if (payment.Date <= asOf && (settled is null || payment.Date > settled))
            {
                settled = payment.Date;
            }
        }

        if (settled is not { } day)
        {
            return;
        }

        var delay = AccountFacts.DaysBetween(account.DueDate, day);
        var document = account.Invoice.Document;
        var key = document.CustomerKey;
        if (!_customers.TryGetValue(key, out var sums))
        {
            sums = new Sums(document.Buyer.Name);
            _customers.Add(key, sums);
        }

        sums.Add(delay);
        _overall.Add(delay);
    }

    public PaymentBehaviourReport Build() => new(
        asOf,
        _customers
            .Select(pair => pair.Value.ToBehaviour(pair.Key))
            .OrderByDescending(b => b.AverageDelayDays)
            .ThenBy(b => b.CustomerKey, StringComparer.Ordinal)
            .ToList(),
        _overall.Count == 0 ? null : _overall.ToBehaviour(string.Empty));

    private sealed class Sums(string name)
    {
        private long _sum;
        private long _late;
        private decimal _squares;

        public int Count { get; private set; }

        public void Add(int delay)
        {
            Count++;
            _sum += delay;
            _late += Math.Max(delay, 0);
            _squares += (decimal)delay * delay;
        }

        public CustomerPaymentBehaviour ToBehaviour(string key)
        {
            var mean = (decimal)_sum / Count;
            var variance = Math.Max(0m, (_squares / Count) - (mean * mean));
            var deviation = (decimal)Math.Sqrt((double)variance);
            return new CustomerPaymentBehaviour(key, name, Count, Round(mean), Round((decimal)_late / Count), Round(deviation));
        }

        private static decimal Round(decimal days) => Math.Round(days, 2, MidpointRounding.AwayFromZero);
    }
}
