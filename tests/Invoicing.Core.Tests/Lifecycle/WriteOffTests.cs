using NodaTime;

namespace Invoicing.Core.Tests.Lifecycle;

public sealed class WriteOffTests
{
    private static readonly LocalDate Today = new(2027, 2, 1);

    private static InvoiceAccount Account(decimal paid = 0m, decimal credited = 0m) => new()
    {
        Invoice = LifecycleFixtures.Issued(),
        Payments = paid == 0m ? ValueList<Payment>.Empty : [new Payment(Guid.NewGuid(), "F2026-00001", new LocalDate(2026, 11, 10), paid, PaymentMethod.CreditTransfer)],
        Credits = credited == 0m ? ValueList<AppliedCredit>.Empty : [new AppliedCredit("AV2026-00001", new LocalDate(2026, 11, 12), credited)],
    };

    [Fact]
    public void CheckWriteOff_PartlyPaidAndCredited_WritesOffExactlyTheBalance()
    {
        var account = Account(paid: 500m, credited: 87.48m);

        var writeOff = InvoiceLifecycle.CheckWriteOff(new WriteOff("F2026-00001", Today, "Liquidation"), account);

        Assert.Equal(new AppliedWriteOff(Today, 600m, "Liquidation"), writeOff);
        var closed = account with { WriteOff = writeOff };
        Assert.Equal(0m, closed.Balance);
        Assert.Equal(600m, closed.WrittenOff);
        Assert.Equal(InvoiceStatus.WrittenOff, closed.Status);
        Assert.Equal(InvoiceStatus.WrittenOff, closed.StatusOn(Today.PlusDays(365)));
        Assert.False(closed.IsOpen);
        Assert.False(closed.IsOverdue(Today.PlusDays(365)));
    }

    [Fact]
    public void CheckWriteOff_Paid_Refused() =>
        AssertRefused("INV-WRITEOFF-PAID", () => InvoiceLifecycle.CheckWriteOff(new WriteOff("F2026-00001", Today, "x"), Account(paid: 1187.48m)));

    [Fact]
    public void CheckWriteOff_CreditedInFull_Refused() =>
        AssertRefused("INV-WRITEOFF-CREDITED", () => InvoiceLifecycle.CheckWriteOff(new WriteOff("F2026-00001", Today, "x"), Account(credited: 1187.48m)));

    [Fact]
    public void CheckWriteOff_Unknown_Refused() =>
        AssertRefused("INV-WRITEOFF-INVOICE-UNKNOWN", () => InvoiceLifecycle.CheckWriteOff(new WriteOff("F2026-00001", Today, "x"), null));

    [Fact]
    public void CheckPayment_WrittenOff_Refused()
    {
        var closed = Account() with { WriteOff = new AppliedWriteOff(Today, 1187.48m, "x") };

        AssertRefused("INV-PAYMENT-WRITTEN-OFF", () => InvoiceLifecycle.CheckPayment(new Payment(Guid.NewGuid(), "F2026-00001", Today, 1m, PaymentMethod.Cash), closed, idAlreadyRecorded: false));
    }

    private static void AssertRefused(string rule, Action action)
    {
        var error = Assert.Throws<InvoiceValidationException>(action);
        Assert.Contains(error.Issues, i => i.RuleId == rule);
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
    }
}
