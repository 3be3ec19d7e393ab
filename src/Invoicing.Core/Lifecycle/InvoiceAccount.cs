using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// An issued invoice with what has happened to it since: payments, credit notes and a write-off. The balance and the
/// status are computed here, the same way for every store.
/// </summary>
public sealed record InvoiceAccount
{
    /// <summary>The issued document.</summary>
    public required IssuedInvoice Invoice { get; init; }

    /// <summary>Payments received, in the order recorded.</summary>
    public ValueList<Payment> Payments { get; init => field = value ?? ValueList<Payment>.Empty; } = ValueList<Payment>.Empty;

    /// <summary>Credit notes applied to the invoice.</summary>
    public ValueList<AppliedCredit> Credits { get; init => field = value ?? ValueList<AppliedCredit>.Empty; } = ValueList<AppliedCredit>.Empty;

    /// <summary>The write-off that closed the account, or null.</summary>
    public AppliedWriteOff? WriteOff { get; init; }

    /// <summary>The invoice number.</summary>
    public string Number => Invoice.Number;

    /// <summary>The amount due for payment at issue (BT-115).</summary>
    public decimal AmountDue => Invoice.Totals.AmountDue;

    /// <summary>Sum of the payments received.</summary>
    public decimal Paid => Payments.Sum(p => p.Amount);

    /// <summary>Sum of the credit notes applied.</summary>
    public decimal Credited => Credits.Sum(c => c.Amount);

    /// <summary>The amount written off; zero when none was.</summary>
    public decimal WrittenOff => WriteOff?.Amount ?? 0m;

    /// <summary>What remains to be paid.</summary>
    public decimal Balance => AmountDue - Paid - Credited - WrittenOff;

    /// <summary>The due date (BT-9), or the issue date when none was given.</summary>
    public LocalDate DueDate => Invoice.Document.DueDate ?? Invoice.Document.IssueDate;

    /// <summary>The status, without regard to the date.</summary>
    public InvoiceStatus Status
    {
        get
        {
            if (Invoice.Document.Type.IsCreditNote())
            {
                return InvoiceStatus.Issued;
            }

            if (WriteOff is not null)
            {
                return InvoiceStatus.WrittenOff;
            }

            if (Balance <= 0m)
            {
                return Paid == 0m && Credited > 0m ? InvoiceStatus.Credited : InvoiceStatus.Paid;
            }

            return Paid > 0m || Credited > 0m ? InvoiceStatus.PartiallyPaid : InvoiceStatus.Issued;
        }
    }

    /// <summary>Whether money is still owed on an invoice (a credit note is never open).</summary>
    public bool IsOpen => !Invoice.Document.Type.IsCreditNote() && Balance > 0m;

    /// <summary>Whether the invoice is open and its due date is before <paramref name="today"/>.</summary>
    public bool IsOverdue(LocalDate today) => IsOpen && DueDate < today;

    /// <summary>Days past the due date on <paramref name="today"/>; zero when not overdue.</summary>
    public int DaysOverdue(LocalDate today) => IsOverdue(today) ? Period.Between(DueDate, today, PeriodUnits.Days).Days : 0;

    /// <summary>The status on a given day: <see cref="InvoiceStatus.Overdue"/> once an open invoice is past due.</summary>
    public InvoiceStatus StatusOn(LocalDate today) => IsOverdue(today) ? InvoiceStatus.Overdue : Status;
}
