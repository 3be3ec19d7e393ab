using System.Globalization;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Reporting;

/// <summary>
/// The arithmetic of a statement of account, pure: a customer's accounts and a request in, the statement out.
/// Each document is an item with its movements (an invoice: its amount due, then its payments and applied credits;
/// an unapplied credit note: its amount, as a credit) and its balance on the statement date. Every movement is one
/// signed amount (positive: the customer owes more), so the closing balance is the same sum whichever lines are shown.
/// </summary>
internal static class StatementBuilder
{
    /// <summary>Checks what the request says on its own, before any account is read.</summary>
    /// <exception cref="InvoiceValidationException">REP-STATEMENT-CUSTOMER (customerKey), REP-STATEMENT-PERIOD (from).</exception>
    public static void Check(StatementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.CustomerKey))
        {
            throw new InvoiceValidationException(ValidationIssue.Error("REP-STATEMENT-CUSTOMER", "customerKey", "A statement names the customer it is for."));
        }

        if (request.From is { } from && from > request.AsOf)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("REP-STATEMENT-PERIOD", "from", string.Create(CultureInfo.InvariantCulture, $"The period starts on {from:yyyy-MM-dd}, after the statement date {request.AsOf:yyyy-MM-dd}.")));
        }
    }

    /// <summary>The statement from the accounts of the request's customer (others must be filtered out before).</summary>
    /// <exception cref="InvoiceValidationException">
    /// REP-STATEMENT-CUSTOMER (customerKey): the customer has no document; REP-STATEMENT-DATE (asOf): none issued by the statement date.
    /// </exception>
    public static StatementOfAccount Build(IReadOnlyList<InvoiceAccount> accounts, StatementRequest request)
    {
        Check(request);
        var asOf = request.AsOf;
        if (accounts.Count == 0)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("REP-STATEMENT-CUSTOMER", "customerKey", $"There is no document for customer '{request.CustomerKey}'."));
        }

        var issued = accounts.Where(a => a.Invoice.Document.IssueDate <= asOf)
            .OrderBy(a => a.Invoice.Document.IssueDate)
            .ThenBy(a => a.Number, StringComparer.Ordinal)
            .ToList();
        if (issued.Count == 0)
        {
            var first = accounts.Min(a => a.Invoice.Document.IssueDate);
            throw new InvoiceValidationException(ValidationIssue.Error(
                "REP-STATEMENT-DATE",
                "asOf",
                string.Create(CultureInfo.InvariantCulture, $"Customer '{request.CustomerKey}' has no document issued on or before {asOf:yyyy-MM-dd}; the first is dated {first:yyyy-MM-dd}.")));
        }

        var buckets = request.Buckets ?? AgingBuckets.Default;
        var applied = issued.Where(a => !a.Invoice.Document.Type.IsCreditNote())
            .SelectMany(a => a.Credits)
            .Select(c => c.CreditNoteNumber)
            .ToHashSet(StringComparer.Ordinal);
        var items = issued.Select(a => ItemOf(a, applied, asOf, buckets)).OfType<Item>().ToList();
        var latest = issued[^1].Invoice.Document;
        var sections = items.GroupBy(i => i.Currency.Code, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Section(g.ToList(), request.From, buckets))
            .ToList();
        return new StatementOfAccount(request.CustomerKey, latest.Buyer, latest.Seller, asOf, request.From, buckets, sections);
    }

    private static Item? ItemOf(InvoiceAccount account, HashSet<string> applied, LocalDate asOf, AgingBuckets buckets)
    {
        var document = account.Invoice.Document;
        if (document.Type.IsCreditNote())
        {
            // Applied to one of the customer's invoices, it is already a movement of that invoice.
            if (applied.Contains(account.Number))
            {
                return null;
            }

            var credit = -account.AmountDue;
            var credited = InvoiceLifecycle.CreditedInvoiceNumber(document);
            return new Item(document.Currency, [new Movement(document.IssueDate, StatementLineType.CreditNote, account.Number, credited, credit, null, null)], credit, 0);
        }

        var balance = AccountFacts.BalanceOn(account, asOf);
        var daysPastDue = AccountFacts.DaysBetween(account.DueDate, asOf);
        var movements = new List<Movement>
        {
            new(document.IssueDate, StatementLineType.Invoice, account.Number, document.BuyerReference ?? document.PurchaseOrderReference, account.AmountDue, account.DueDate, balance > 0m ? Math.Max(0, daysPastDue) : null),
        };
        movements.AddRange(account.Payments
            .Where(p => p.Date <= asOf)
            .Select(p => new Movement(p.Date, StatementLineType.Payment, account.Number, p.Reference, -p.Amount, null, null)));
        movements.AddRange(account.Credits
            .Where(c => c.IssueDate <= asOf)
            .Select(c => new Movement(c.IssueDate, StatementLineType.CreditNote, c.CreditNoteNumber, account.Number, -c.Amount, null, null)));
        return new Item(document.Currency, movements, balance, balance > 0m ? buckets.IndexOf(daysPastDue) : 0);
    }

    private static StatementSection Section(List<Item> items, LocalDate? from, AgingBuckets buckets)
    {
        var all = items.SelectMany(i => i.Movements);
        var opening = from is { } start ? all.Where(m => m.Date < start).Sum(m => m.Amount) : 0m;
        var shown = from is { } first
            ? all.Where(m => m.Date >= first)
            : items.Where(i => i.Balance != 0m).SelectMany(i => i.Movements);

        var running = opening;
        var debit = 0m;
        var credit = 0m;
        var lines = new List<StatementLine>();
        foreach (var movement in shown.OrderBy(m => m.Date).ThenBy(m => m.Type).ThenBy(m => m.Number, StringComparer.Ordinal))
        {
            running += movement.Amount;
            var lineDebit = Math.Max(movement.Amount, 0m);
            var lineCredit = Math.Max(-movement.Amount, 0m);
            debit += lineDebit;
            credit += lineCredit;
            lines.Add(new StatementLine(movement.Date, movement.Number, movement.Type, movement.Reference, lineDebit, lineCredit, running, movement.DueDate, movement.DaysOverdue));
        }

        var aging = new decimal[buckets.Count];
        foreach (var item in items)
        {
            aging[item.Column] += item.Balance;
        }

        return new StatementSection(items[0].Currency, opening, lines, debit, credit, running, aging);
    }

    /// <summary>One movement of an item; <paramref name="Amount"/> is signed, positive when the customer owes more.</summary>
    private sealed record Movement(LocalDate Date, StatementLineType Type, string Number, string? Reference, decimal Amount, LocalDate? DueDate, int? DaysOverdue);

    /// <summary>A document of the account with its movements up to the statement date, its balance then and its aging column.</summary>
    private sealed record Item(Currency Currency, IReadOnlyList<Movement> Movements, decimal Balance, int Column);
}
