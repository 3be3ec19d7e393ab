using System.Globalization;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Reporting;

/// <summary>What every report reads from an account, as of a day, computed in one place.</summary>
internal static class AccountFacts
{
    /// <summary>Rejects a null account or one without a currency, naming its position in the input.</summary>
    public static InvoiceAccount Check(InvoiceAccount? account, long index)
    {
        if (account is null)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("REP-ACCOUNT-NULL", Path(index), "The input holds a null account."));
        }

        if (!account.Invoice.Document.Currency.IsDefined)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("REP-CURRENCY", Path(index) + ".invoice.currency", $"Invoice {account.Number} has no currency (BT-5)."));
        }

        return account;
    }

    /// <summary>Whether the document is an invoice (not a credit note) issued on or before <paramref name="asOf"/>.</summary>
    public static bool IsInvoiceIssuedBy(InvoiceAccount account, LocalDate asOf) =>
        !account.Invoice.Document.Type.IsCreditNote() && account.Invoice.Document.IssueDate <= asOf;

    /// <summary>The amount due less the payments and credits dated on or before <paramref name="asOf"/>.</summary>
    public static decimal BalanceOn(InvoiceAccount account, LocalDate asOf)
    {
        var balance = account.AmountDue;
        foreach (var payment in account.Payments)
        {
            if (payment.Date <= asOf)
            {
                balance -= payment.Amount;
            }
        }

        foreach (var credit in account.Credits)
        {
            if (credit.IssueDate <= asOf)
            {
                balance -= credit.Amount;
            }
        }

        return balance;
    }

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/>, negative when <paramref name="to"/> is earlier.</summary>
    public static int DaysBetween(LocalDate from, LocalDate to) => Period.DaysBetween(from, to);

    private static string Path(long index) => string.Create(CultureInfo.InvariantCulture, $"accounts[{index}]");
}
