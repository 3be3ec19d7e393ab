using Invoicing.Core;
using NodaTime;

namespace Invoicing.Pdf;

/// <summary>What a payment reminder letter says: who writes to whom, which invoices are overdue, fees and interest.</summary>
public sealed record ReminderLetter
{
    /// <summary>The creditor (the seller of the invoices), printed as the sender.</summary>
    public required Party Seller { get; init; }

    /// <summary>The debtor, printed as the addressee.</summary>
    public required Party Buyer { get; init; }

    /// <summary>Date of the letter; the days late are counted up to it by the caller.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>Currency of every amount of the letter.</summary>
    public required Currency Currency { get; init; }

    /// <summary>The overdue invoices; at least one.</summary>
    public required IReadOnlyList<ReminderItem> Items { get; init; }

    /// <summary>Recovery fees claimed (for example the EUR 40 fixed indemnity per invoice in France); zero when none.</summary>
    public decimal Fees { get; init; }

    /// <summary>Late-payment interest claimed; zero when none.</summary>
    public decimal Interest { get; init; }

    /// <summary>Reminder level (1 for the first reminder); printed when given.</summary>
    public int? Level { get; init; }

    /// <summary>The letter's text, one paragraph per entry (from the dunning templates).</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>How to pay: the IBAN and reference printed, and the SEPA QR code for the total.</summary>
    public PaymentInstructions? PaymentInstructions { get; init; }

    /// <summary>Amount due on the invoices plus fees and interest.</summary>
    public decimal Total => Items.Sum(i => i.AmountDue) + Fees + Interest;
}

/// <summary>One overdue invoice of a reminder letter.</summary>
/// <param name="InvoiceNumber">Its number (BT-1).</param>
/// <param name="IssueDate">Its issue date (BT-2).</param>
/// <param name="DueDate">Its due date (BT-9).</param>
/// <param name="AmountDue">What is still owed on it.</param>
/// <param name="DaysLate">Days between the due date and the letter.</param>
public sealed record ReminderItem(string InvoiceNumber, LocalDate IssueDate, LocalDate DueDate, decimal AmountDue, int DaysLate);
