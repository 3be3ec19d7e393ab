using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core;
using NodaTime;
using static Invoicing.Reporting.Tests.Ledger;

namespace Invoicing.Reporting.Tests;

public sealed class StatementPropertyTests
{
    private static readonly LocalDate Start = new(2026, 1, 1);

    /// <summary>
    /// Random ledgers of three customers in two currencies: unpaid, partly paid, paid, credited after payment
    /// (negative), credited then paid, and credit notes on account; a random statement date and start day. The
    /// expected closing balance is computed here from the accounts directly, not by the statement's own sums.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Build_AnyLedger_RunningBalanceClosingBalanceAgingAndLinesAgree(PositiveInt[] amounts, int[] days, int[] kinds, int asOfShift, int fromShift, bool withFrom)
    {
        var accounts = Generate(amounts, days, kinds);
        var asOf = Start.PlusDays(Math.Abs(asOfShift % 260));
        LocalDate? from = withFrom ? asOf.PlusDays(-Math.Abs(fromShift % 200)) : null;
        var statement = Statements.Build(accounts, new StatementRequest("C0", asOf) { From = from });

        var mine = accounts.Where(a => a.Invoice.Document.CustomerKey == "C0").ToList();
        var expected = ExpectedBalances(mine, asOf);
        var numbers = mine.Select(a => a.Number).ToHashSet(StringComparer.Ordinal);
        var sectionsAgree = statement.Sections.Select(s => s.Currency.Code).SequenceEqual(expected.Keys.Order(StringComparer.Ordinal));
        var eachSection = statement.Sections.All(s =>
            s.ClosingBalance == expected[s.Currency.Code]
            && (s.Lines.Count == 0 ? s.OpeningBalance : s.Lines[^1].RunningBalance) == s.ClosingBalance
            && s.OpeningBalance + s.TotalDebit - s.TotalCredit == s.ClosingBalance
            && s.Aging.Sum() == s.ClosingBalance
            && s.Aging.Count == statement.Buckets.Count
            && (from is not null || s.OpeningBalance == 0m)
            && s.Lines.All(l => l.Date <= asOf && (from is not { } f || l.Date >= f) && numbers.Contains(l.DocumentNumber) && l.Debit >= 0m && l.Credit >= 0m)
            && Running(s));
        return (sectionsAgree && eachSection).ToProperty().Label($"as of {asOf}, from {from}");
    }

    [Property(MaxTest = 100)]
    public Property Build_OpenItems_ListOnlyItemsOpenOnTheDay(PositiveInt[] amounts, int[] days, int[] kinds, int asOfShift)
    {
        var accounts = Generate(amounts, days, kinds);
        var asOf = Start.PlusDays(Math.Abs(asOfShift % 260));
        var statement = Statements.Build(accounts, new StatementRequest("C0", asOf));

        var open = accounts.Where(a => !a.Invoice.Document.Type.IsCreditNote() && a.Invoice.Document.IssueDate <= asOf && BalanceOn(a, asOf) != 0m).Select(a => a.Number).ToHashSet(StringComparer.Ordinal);
        return statement.Sections.SelectMany(s => s.Lines).Where(l => l.Type == StatementLineType.Invoice).All(l => open.Contains(l.DocumentNumber)).ToProperty();
    }

    private static bool Running(StatementSection section)
    {
        var balance = section.OpeningBalance;
        foreach (var line in section.Lines)
        {
            balance += line.Debit - line.Credit;
            if (line.RunningBalance != balance)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Per currency: every invoice's amount due less what was paid and credited by the day, less the credit notes left on account.</summary>
    private static Dictionary<string, decimal> ExpectedBalances(List<InvoiceAccount> mine, LocalDate asOf)
    {
        var applied = mine.SelectMany(a => a.Credits).Select(c => c.CreditNoteNumber).ToHashSet(StringComparer.Ordinal);
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var account in mine.Where(a => a.Invoice.Document.IssueDate <= asOf))
        {
            var code = account.Invoice.Document.Currency.Code;
            var amount = account.Invoice.Document.Type.IsCreditNote()
                ? (applied.Contains(account.Number) ? 0m : -account.AmountDue)
                : BalanceOn(account, asOf);
            totals[code] = totals.GetValueOrDefault(code) + amount;
        }

        return totals;
    }

    private static decimal BalanceOn(InvoiceAccount account, LocalDate asOf) =>
        account.AmountDue - account.Payments.Where(p => p.Date <= asOf).Sum(p => p.Amount) - account.Credits.Where(c => c.IssueDate <= asOf).Sum(c => c.Amount);

    private static List<InvoiceAccount> Generate(PositiveInt[] amounts, int[] days, int[] kinds)
    {
        var accounts = new List<InvoiceAccount> { Invoice("C0", Start.PlusDays(30), 10m, issued: Start) };
        var count = Math.Min(amounts.Length, Math.Min(days.Length, kinds.Length));
        for (var i = 0; i < count; i++)
        {
            var cents = amounts[i].Get % 1_000_000;
            var amount = (cents + 3) / 100m;
            var customer = "C" + (i % 3);
            var currency = cents % 4 == 0 ? Currency.Usd : Currency.Eur;
            var issued = Start.PlusDays(Math.Abs(days[i] % 240));
            var later = issued.PlusDays(Math.Abs(kinds[i] / 7 % 50));
            var half = Math.Floor(amount * 50m) / 100m;
            switch (Math.Abs(kinds[i] % 6))
            {
                case 0:
                    accounts.Add(Account(customer, issued.PlusDays(30), amount, currency, issued, DocumentType.Invoice, []));
                    break;
                case 1:
                    accounts.Add(Account(customer, issued.PlusDays(30), amount, currency, issued, DocumentType.Invoice, [(later, half)]));
                    break;
                case 2:
                    accounts.Add(Account(customer, issued.PlusDays(30), amount, currency, issued, DocumentType.Invoice, [(later, half), (later.PlusDays(3), amount - half)]));
                    break;
                case 3:
                    AddCredited(accounts, Account(customer, issued.PlusDays(30), amount, currency, issued, DocumentType.Invoice, [(later, amount)]), later.PlusDays(2), half);
                    break;
                case 4:
                    AddCredited(accounts, Account(customer, issued.PlusDays(30), amount, currency, issued, DocumentType.Invoice, [(later.PlusDays(5), amount - half)]), later, half);
                    break;
                default:
                    accounts.Add(Account(customer, issued, amount, currency, issued, DocumentType.CreditNote, []));
                    break;
            }
        }

        return accounts;
    }

    private static void AddCredited(List<InvoiceAccount> accounts, InvoiceAccount invoice, LocalDate date, decimal amount)
    {
        if (amount <= 0m)
        {
            accounts.Add(invoice);
            return;
        }

        var document = invoice.Invoice.Document;
        var creditNote = Account(document.Buyer.Name, date, amount, document.Currency, date, DocumentType.CreditNote, []);
        accounts.Add(invoice with { Credits = [new AppliedCredit(creditNote.Number, date, amount)] });
        accounts.Add(creditNote);
    }
}
