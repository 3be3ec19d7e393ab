using FsCheck;
using FsCheck.Xunit;
using Invoicing.Core;
using Invoicing.Portal.Accounts;
using NodaTime;

namespace Invoicing.Portal.Tests.Accounts;

public sealed class PortalStatusesTests
{
    private static readonly LocalDate Today = new(2026, 12, 8);

    [Fact]
    public void Open_NothingReceivedNotDue() => Assert.Equal(PortalStatus.Open, PortalStatuses.Of(Account(dueInDays: 5), false, Today));

    [Fact]
    public void PartlyPaid_SomeReceivedNotDue() => Assert.Equal(PortalStatus.PartlyPaid, PortalStatuses.Of(Account(dueInDays: 5).Paying(20m), false, Today));

    [Fact]
    public void Overdue_BalancePastDue() => Assert.Equal(PortalStatus.Overdue, PortalStatuses.Of(Account(dueInDays: -1).Paying(20m), false, Today));

    [Fact]
    public void Open_OnTheDueDay() => Assert.Equal(PortalStatus.Open, PortalStatuses.Of(Account(dueInDays: 0), false, Today));

    [Fact]
    public void Disputed_WinsOverOverdue() => Assert.Equal(PortalStatus.Disputed, PortalStatuses.Of(Account(dueInDays: -10), true, Today));

    [Fact]
    public void Paid_WinsOverDisputed() => Assert.Equal(PortalStatus.Paid, PortalStatuses.Of(Account(dueInDays: -10).Paying(120m), true, Today));

    [Fact]
    public void Credited_EntirelyByCreditNotes()
    {
        var account = Account(dueInDays: -10) with { Credits = [new AppliedCredit("AV-1", Today, 120m)] };

        Assert.Equal(PortalStatus.Credited, PortalStatuses.Of(account, false, Today));
        Assert.Equal(0m, PortalStatuses.BalanceOf(account));
    }

    [Fact]
    public void WrittenOff_BalanceGivenUp()
    {
        var account = Account(dueInDays: -100) with { WriteOff = new AppliedWriteOff(Today, 120m, "insolvent") };

        Assert.Equal(PortalStatus.WrittenOff, PortalStatuses.Of(account, true, Today));
        Assert.Equal(0m, PortalStatuses.BalanceOf(account));
    }

    [Fact]
    public void CreditNote_HasItsOwnStatusAndNoBalance()
    {
        var account = Account(dueInDays: -10);
        account = account with { Invoice = account.Invoice with { Document = account.Invoice.Document with { Type = DocumentType.CreditNote } } };

        Assert.Equal(PortalStatus.CreditNote, PortalStatuses.Of(account, false, Today));
        Assert.Equal(0m, PortalStatuses.BalanceOf(account));
    }

    [Property]
    public bool Totals_PerCurrency_AreTheSumOfTheInvoiceBalances_AndOverdueIsPartOfThem(PositiveInt[] cents, bool[] overdue, bool[] usd)
    {
        var documents = cents.Select((c, i) =>
        {
            var account = Account(dueInDays: i < overdue.Length && overdue[i] ? -3 : 3, cents: c.Get % 10_000_000, currency: i < usd.Length && usd[i] ? Currency.Usd : Currency.Eur);
            return new PortalDocument(account, PortalStatuses.Of(account, false, Today), PortalStatuses.BalanceOf(account), false);
        }).ToList();

        var totals = CurrencyTotal.Of(documents);

        return totals.All(t => t.Due == documents.Where(d => d.Currency == t.Currency).Sum(d => d.Balance) && t.Overdue <= t.Due && t.Overdue >= 0m)
            && totals.Sum(t => t.Due) == documents.Sum(d => d.Balance)
            && totals.Select(t => t.Currency.Code).SequenceEqual(totals.Select(t => t.Currency.Code).Order(StringComparer.Ordinal));
    }

    private static InvoiceAccount Account(int dueInDays, int cents = 10_000, Currency? currency = null)
    {
        var document = PortalHost.Draft("C-1", Today.PlusDays(-30), Today.PlusDays(dueInDays), cents / 100m, currency) with { Number = "F-" + cents };
        return new InvoiceAccount
        {
            Invoice = new IssuedInvoice
            {
                Document = document,
                Totals = InvoiceCalculator.Calculate(document),
                SeriesId = "invoices",
                Sequence = 1,
                IssuedAt = Instant.FromUtc(2026, 11, 1, 9, 0),
                PreviousHash = new string('0', 64),
                Hash = new string('a', 64),
            },
        };
    }
}

internal static class AccountChanges
{
    public static InvoiceAccount Paying(this InvoiceAccount account, decimal amount) =>
        account with { Payments = [.. account.Payments, new Payment(Guid.NewGuid(), account.Number, new LocalDate(2026, 12, 1), amount, PaymentMethod.Card)] };
}
