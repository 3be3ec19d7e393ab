using Invoicing.Core;
using NodaTime;

namespace Invoicing.Reporting;

/// <summary>What a statement of account asks for: whose account, as of which day, from which day.</summary>
/// <param name="CustomerKey">The customer (<see cref="Invoice.CustomerKey"/>), compared exactly.</param>
/// <param name="AsOf">The statement date: invoices issued, payments received and credit notes dated after it are left out.</param>
public sealed record StatementRequest(string CustomerKey, LocalDate AsOf)
{
    /// <summary>
    /// The first day of the period, for a balance-forward statement: everything dated before it is summed into the
    /// opening balance and every movement from it to <see cref="AsOf"/> is listed, settled or not. Null (the default)
    /// gives an open-item statement: the items still open on <see cref="AsOf"/> with their payments and credits.
    /// </summary>
    public LocalDate? From { get; init; }

    /// <summary>The aging columns; <see cref="AgingBuckets.Default"/> when null.</summary>
    public AgingBuckets? Buckets { get; init; }
}

/// <summary>What a statement line records.</summary>
public enum StatementLineType
{
    /// <summary>An invoice issued: a debit of its amount due (BT-115).</summary>
    Invoice,

    /// <summary>A credit note: a credit of its amount due, applied to the invoice it references or left on account.</summary>
    CreditNote,

    /// <summary>A payment received against an invoice: a credit.</summary>
    Payment,
}

/// <summary>One movement of a customer's account, with the balance after it.</summary>
/// <param name="Date">The issue date of an invoice or credit note, the value date of a payment.</param>
/// <param name="DocumentNumber">The invoice or credit note number; for a payment, the invoice it pays.</param>
/// <param name="Type">Invoice, credit note or payment.</param>
/// <param name="Reference">
/// An invoice's buyer reference (BT-10) or purchase order (BT-13); a credit note's credited invoice; a payment's bank
/// reference. Null when there is none.
/// </param>
/// <param name="Debit">What the movement adds to the balance (zero or more).</param>
/// <param name="Credit">What the movement takes off the balance (zero or more).</param>
/// <param name="RunningBalance">The balance after this line: the opening balance plus every debit less every credit so far.</param>
/// <param name="DueDate">An invoice's due date (BT-9, or its issue date when none was given); null on other lines.</param>
/// <param name="DaysOverdue">
/// On an invoice still open on the statement date: the days past its due date (0 when not yet due). Null on a settled
/// invoice and on other lines.
/// </param>
public sealed record StatementLine(
    LocalDate Date,
    string DocumentNumber,
    StatementLineType Type,
    string? Reference,
    decimal Debit,
    decimal Credit,
    decimal RunningBalance,
    LocalDate? DueDate,
    int? DaysOverdue);

/// <summary>The statement in one currency: amounts in different currencies are never added together.</summary>
/// <param name="Currency">The currency (BT-5) of every amount of the section.</param>
/// <param name="OpeningBalance">What was owed before <see cref="StatementOfAccount.From"/>; zero on an open-item statement.</param>
/// <param name="Lines">The movements, by date (on one day: invoices, then credit notes, then payments; then by number).</param>
/// <param name="TotalDebit">The sum of the debits of the lines.</param>
/// <param name="TotalCredit">The sum of the credits of the lines.</param>
/// <param name="ClosingBalance">
/// What the customer owes on the statement date (negative: what the seller owes back): the opening balance plus the
/// debits less the credits, which is also the sum of every item's balance on that day.
/// </param>
/// <param name="Aging">
/// The closing balance by days past due, one amount per column of <see cref="StatementOfAccount.Buckets"/>; they add up
/// to <see cref="ClosingBalance"/>. A credit in the customer's favour (an unapplied credit note, an overpaid invoice) is
/// in the first column, <c>not due</c>: nothing of it is owed, so nothing of it is late.
/// </param>
public sealed record StatementSection(
    Currency Currency,
    decimal OpeningBalance,
    IReadOnlyList<StatementLine> Lines,
    decimal TotalDebit,
    decimal TotalCredit,
    decimal ClosingBalance,
    IReadOnlyList<decimal> Aging);

/// <summary>
/// A customer's statement of account on a day, one section per currency. Without a start day it is an open-item
/// statement (the items open on the day, with their payments and credits); with one it is a balance-forward statement
/// (an opening balance, then every movement of the period).
/// </summary>
/// <param name="CustomerKey">The customer (<see cref="Invoice.CustomerKey"/>).</param>
/// <param name="Customer">The buyer (BG-7) as the customer's latest document on or before <see cref="AsOf"/> names it.</param>
/// <param name="Seller">The seller (BG-4) of that document, who sends the statement.</param>
/// <param name="AsOf">The statement date.</param>
/// <param name="From">The first day of the period; null on an open-item statement.</param>
/// <param name="Buckets">The aging columns.</param>
/// <param name="Sections">One section per currency the customer has a document in on or before <see cref="AsOf"/>, in code order.</param>
public sealed record StatementOfAccount(
    string CustomerKey,
    Party Customer,
    Party Seller,
    LocalDate AsOf,
    LocalDate? From,
    AgingBuckets Buckets,
    IReadOnlyList<StatementSection> Sections)
{
    /// <summary>The section of a currency, or null when the customer has nothing in it.</summary>
    public StatementSection? For(string currencyCode) => Sections.FirstOrDefault(s => string.Equals(s.Currency.Code, currencyCode, StringComparison.OrdinalIgnoreCase));
}
