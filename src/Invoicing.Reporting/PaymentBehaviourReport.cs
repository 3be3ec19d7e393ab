using NodaTime;

namespace Invoicing.Reporting;

/// <summary>How a customer paid its settled invoices: the delay from due date to the last payment.</summary>
/// <param name="CustomerKey">The customer; empty for the whole portfolio.</param>
/// <param name="CustomerName">The buyer's name; <c>All customers</c> for the portfolio.</param>
/// <param name="PaidInvoices">How many invoices were settled by payments on or before the as-of day.</param>
/// <param name="AverageDelayDays">Mean of (last payment - due date) in days, negative when paid early; to 0.01.</param>
/// <param name="AverageDaysLate">Mean of the days late, paying early counting as zero; to 0.01.</param>
/// <param name="DelayStandardDeviationDays">Population standard deviation of the delay, in days; to 0.01.</param>
public sealed record CustomerPaymentBehaviour(
    string CustomerKey,
    string CustomerName,
    int PaidInvoices,
    decimal AverageDelayDays,
    decimal AverageDaysLate,
    decimal DelayStandardDeviationDays);

/// <summary>Payment behaviour per customer and for the whole portfolio, from settled invoices.</summary>
/// <param name="AsOf">Payments after this day are ignored.</param>
/// <param name="Customers">One line per customer with at least one settled invoice, latest payers first.</param>
/// <param name="Overall">The portfolio, or null when no invoice was settled.</param>
public sealed record PaymentBehaviourReport(LocalDate AsOf, IReadOnlyList<CustomerPaymentBehaviour> Customers, CustomerPaymentBehaviour? Overall)
{
    private readonly Dictionary<string, CustomerPaymentBehaviour> _byKey =
        Customers.ToDictionary(c => c.CustomerKey, StringComparer.Ordinal);

    /// <summary>A customer's behaviour, or null when none of its invoices was settled.</summary>
    public CustomerPaymentBehaviour? For(string customerKey) => _byKey.GetValueOrDefault(customerKey);
}
