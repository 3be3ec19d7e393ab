using Invoicing.Core;
using NodaTime;
using static Invoicing.Reporting.Tests.Ledger;

namespace Invoicing.Reporting.Tests;

public sealed class PaymentBehaviourTests
{
    internal static InvoiceAccount[] History() =>
    [
        Invoice("Acme", new LocalDate(2026, 10, 1), 100m, payments: [(new LocalDate(2026, 10, 11), 100m)]),
        Invoice("Acme", new LocalDate(2026, 10, 15), 100m, payments: [(new LocalDate(2026, 10, 10), 40m), (new LocalDate(2026, 10, 20), 60m)]),
        Invoice("Acme", new LocalDate(2026, 11, 1), 100m, payments: [(new LocalDate(2026, 10, 30), 100m)]),
        Invoice("Globex", new LocalDate(2026, 10, 1), 100m, payments: [(new LocalDate(2026, 10, 31), 100m)]),
    ];

    [Fact]
    public void PaymentBehaviour_SettledInvoices_GiveMeanDelayDaysLateAndDeviation()
    {
        var report = Receivables.PaymentBehaviour(History(), AsOf);

        // Acme: delays 10, 5 (last payment), -2: mean 13/3 = 4.33; late 15/3 = 5; sd sqrt(129/3 - 4.333^2) = 4.92
        var acme = report.For("Acme")!;
        Assert.Equal((3, 4.33m, 5m, 4.92m), (acme.PaidInvoices, acme.AverageDelayDays, acme.AverageDaysLate, acme.DelayStandardDeviationDays));

        // Globex: one invoice, 30 days late
        var globex = report.For("Globex")!;
        Assert.Equal((1, 30m, 30m, 0m), (globex.PaidInvoices, globex.AverageDelayDays, globex.AverageDaysLate, globex.DelayStandardDeviationDays));

        // everyone: 10, 5, -2, 30: mean 10.75; late 11.25; sd sqrt(1029/4 - 10.75^2) = 11.90
        Assert.Equal((4, 10.75m, 11.25m, 11.9m), (report.Overall!.PaidInvoices, report.Overall.AverageDelayDays, report.Overall.AverageDaysLate, report.Overall.DelayStandardDeviationDays));
        Assert.Equal(["Globex", "Acme"], report.Customers.Select(c => c.CustomerKey));
    }

    [Fact]
    public void PaymentBehaviour_OpenOrSettledAfterAsOf_IsIgnored()
    {
        var accounts = new[]
        {
            Invoice("Acme", new LocalDate(2026, 10, 1), 100m, payments: [(new LocalDate(2026, 10, 11), 50m)]),
            Invoice("Acme", new LocalDate(2026, 10, 1), 100m, payments: [(new LocalDate(2026, 12, 11), 100m)]),
            CreditNote("Acme", new LocalDate(2026, 10, 1), 100m),
        };

        var report = Receivables.PaymentBehaviour(accounts, AsOf);

        Assert.Empty(report.Customers);
        Assert.Null(report.Overall);
        Assert.Null(report.For("Acme"));
    }

    [Fact]
    public void PaymentBehaviour_SettledByCreditOnly_HasNoPaymentDateAndIsIgnored()
    {
        var credited = Invoice("Acme", new LocalDate(2026, 10, 1), 100m) with { Credits = [new AppliedCredit("AV-1", new LocalDate(2026, 10, 5), 100m)] };

        Assert.Empty(Receivables.PaymentBehaviour([credited], AsOf).Customers);
    }

    [Fact]
    public async Task PaymentBehaviourAsync_Stream_GivesTheSameReport()
    {
        var report = await Receivables.PaymentBehaviourAsync(Stream(History()), AsOf);

        Assert.Equal(Receivables.PaymentBehaviour(History(), AsOf).Customers, report.Customers);
    }
}
