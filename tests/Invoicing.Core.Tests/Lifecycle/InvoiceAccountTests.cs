using NodaTime;

namespace Invoicing.Core.Tests.Lifecycle;

public sealed class InvoiceAccountTests
{
    private static readonly LocalDate DueDate = new(2026, 12, 2);

    private static InvoiceAccount Account(params decimal[] payments) => new()
    {
        Invoice = LifecycleFixtures.Issued(),
        Payments = payments.Select((amount, i) => new Payment(Guid.NewGuid(), "F2026-00001", new LocalDate(2026, 11, 10 + i), amount, PaymentMethod.CreditTransfer)).ToValueList(),
    };

    [Fact]
    public void Status_NothingPaid_IsIssuedAndOverdueOnlyAfterTheDueDate()
    {
        var account = Account();

        Assert.Equal(1187.48m, account.Balance);
        Assert.Equal(InvoiceStatus.Issued, account.Status);
        Assert.Equal(InvoiceStatus.Issued, account.StatusOn(DueDate));
        Assert.Equal(InvoiceStatus.Overdue, account.StatusOn(DueDate.PlusDays(1)));
        Assert.Equal(0, account.DaysOverdue(DueDate));
        Assert.Equal(15, account.DaysOverdue(DueDate.PlusDays(15)));
    }

    [Fact]
    public void Status_PartialThenFullPayment_MovesToPartiallyPaidThenPaid()
    {
        Assert.Equal(InvoiceStatus.PartiallyPaid, Account(500m).Status);
        Assert.Equal(687.48m, Account(500m).Balance);
        var paid = Account(500m, 687.48m);
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.False(paid.IsOpen);
        Assert.Equal(InvoiceStatus.Paid, paid.StatusOn(DueDate.PlusDays(30)));
    }

    [Fact]
    public void Status_FullyCreditedWithoutPayment_IsCredited()
    {
        var account = Account() with { Credits = [new AppliedCredit("AV2026-00001", new LocalDate(2026, 11, 20), 1187.48m)] };

        Assert.Equal(0m, account.Balance);
        Assert.Equal(InvoiceStatus.Credited, account.Status);
        Assert.False(account.IsOverdue(DueDate.PlusDays(10)));
    }

    [Fact]
    public void Status_CreditNoteDocument_IsNeverOpen()
    {
        var account = new InvoiceAccount { Invoice = LifecycleFixtures.Issued(LifecycleFixtures.Draft() with { Type = DocumentType.CreditNote }, "AV2026-00001") };

        Assert.False(account.IsOpen);
        Assert.Equal(InvoiceStatus.Issued, account.StatusOn(DueDate.PlusDays(100)));
    }
}
