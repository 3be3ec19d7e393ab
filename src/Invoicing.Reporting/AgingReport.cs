using Invoicing.Core;
using NodaTime;

namespace Invoicing.Reporting;

/// <summary>One line of an aging report: a customer's open balances per column, or the currency's total.</summary>
/// <param name="CustomerKey">The customer (<see cref="Invoice.CustomerKey"/>); empty on the total line.</param>
/// <param name="CustomerName">The buyer's name (BT-44); <c>Total</c> on the total line.</param>
/// <param name="Amounts">The open balance per column, in the order of <see cref="AgingBuckets.Buckets"/>.</param>
/// <param name="Total">The open balance.</param>
/// <param name="InvoiceCount">How many open invoices.</param>
public sealed record AgingRow(string CustomerKey, string CustomerName, IReadOnlyList<decimal> Amounts, decimal Total, int InvoiceCount)
{
    /// <summary>The part of the balance past due (every column but <c>not due</c>).</summary>
    public decimal Overdue => Total - Amounts[0];
}

/// <summary>The aging of one currency: amounts in different currencies are never added together.</summary>
/// <param name="Currency">The invoice currency (BT-5).</param>
/// <param name="Total">The total line.</param>
/// <param name="Customers">One line per customer with an open balance, largest balance first.</param>
public sealed record CurrencyAging(Currency Currency, AgingRow Total, IReadOnlyList<AgingRow> Customers)
{
    /// <summary>The <paramref name="count"/> customers who owe the most (ties by customer key).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not above zero.</exception>
    public IReadOnlyList<AgingRow> TopDebtors(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return Customers.Take(count).ToList();
    }
}

/// <summary>Open balances by days past due, per customer and in total, per currency.</summary>
/// <param name="AsOf">The day the report looks from: payments and credits after it are ignored, invoices issued after it too.</param>
/// <param name="Buckets">The columns.</param>
/// <param name="Currencies">One section per currency, in code order.</param>
public sealed record AgingReport(LocalDate AsOf, AgingBuckets Buckets, IReadOnlyList<CurrencyAging> Currencies)
{
    /// <summary>The section of a currency, or null when nothing is open in it.</summary>
    public CurrencyAging? For(string currencyCode) => Currencies.FirstOrDefault(c => string.Equals(c.Currency.Code, currencyCode, StringComparison.OrdinalIgnoreCase));
}
