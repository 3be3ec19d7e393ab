using Invoicing.Core;
using NodaTime;

namespace Invoicing.Portal.Accounts;

/// <summary>
/// The customer's status of a document. Pure. A closed account (paid, credited, written off) shows how it closed
/// whatever else is true; an open one shows disputed before overdue, since a dispute pauses the chase that overdue
/// starts, then overdue, then partly paid or open.
/// </summary>
internal static class PortalStatuses
{
    public static PortalStatus Of(InvoiceAccount account, bool disputed, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(account);
        switch (account.Status)
        {
            case InvoiceStatus.Issued when account.Invoice.Document.Type.IsCreditNote():
                return PortalStatus.CreditNote;
            case InvoiceStatus.WrittenOff:
                return PortalStatus.WrittenOff;
            case InvoiceStatus.Paid:
                return PortalStatus.Paid;
            case InvoiceStatus.Credited:
                return PortalStatus.Credited;
        }

        if (disputed)
        {
            return PortalStatus.Disputed;
        }

        if (account.IsOverdue(today))
        {
            return PortalStatus.Overdue;
        }

        return account.Status == InvoiceStatus.PartiallyPaid ? PortalStatus.PartlyPaid : PortalStatus.Open;
    }

    /// <summary>What the customer still owes on the document: the balance of an invoice, nothing on a credit note.</summary>
    public static decimal BalanceOf(InvoiceAccount account) =>
        account.Invoice.Document.Type.IsCreditNote() ? 0m : Math.Max(account.Balance, 0m);
}
