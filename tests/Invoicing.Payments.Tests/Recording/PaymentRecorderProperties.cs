using FsCheck.Xunit;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Payments.Tests.Recording;

/// <summary>
/// Whatever the order and the repeats in which a provider reports a set of payments, the invoice ends with each payment
/// once: the recorded total is the sum of the distinct payments.
/// </summary>
public sealed class PaymentRecorderProperties
{
    [Property(MaxTest = 200)]
    public async Task RecordAsync_AnyDeliveryOrderAndRepeats_InMemory_RecordsEachPaymentOnce(ushort[] cents, int[] repeats, int seed)
    {
        var store = InvoiceStores.CreateInMemory(new NodaTime.Testing.FakeClock(PaymentFixtures.Start));
        await AssertEachPaymentOnceAsync(store, cents, repeats, seed);
    }

    [Property(MaxTest = 25)]
    public async Task RecordAsync_AnyDeliveryOrderAndRepeats_Sqlite_RecordsEachPaymentOnce(ushort[] cents, int[] repeats, int seed)
    {
        await using var fixture = new PaymentFixtures();
        await AssertEachPaymentOnceAsync(fixture.Store, cents, repeats, seed);
    }

    private static async Task AssertEachPaymentOnceAsync(IInvoiceStore store, ushort[] cents, int[] repeats, int seed)
    {
        var invoice = await store.IssueAsync(new IssueRequest { Document = PaymentFixtures.Draft(netPrice: 10_000m), Series = NumberSeries.DefaultInvoices, IssuedAt = PaymentFixtures.Start });
        var payments = cents.Take(8).Select((c, i) => (Id: $"pi_{i}", Amount: (c % 50_000 + 1) / 100m)).ToArray();
        var deliveries = payments
            .Concat(repeats.Take(24).Where(_ => payments.Length > 0).Select(r => payments[Math.Abs(r % payments.Length)]))
            .Select((p, i) => PaymentFixtures.Report(invoice.Number, p.Amount, paymentId: p.Id, eventId: $"evt_{i}") with { ReceivedAt = PaymentFixtures.Start.Plus(Duration.FromMinutes(i)) })
            .ToArray();
        new Random(seed).Shuffle(deliveries);
        var recorder = new PaymentRecorder(store, DateTimeZoneProviders.Tzdb["Europe/Paris"]);

        var results = new List<PaymentRecordingResult>();
        foreach (var delivery in deliveries)
        {
            results.Add(await recorder.RecordAsync(delivery));
        }

        var account = (await store.GetAccountAsync(invoice.Number))!;
        Assert.Equal(payments.Sum(p => p.Amount), account.Paid);
        Assert.Equal(payments.Length, account.Payments.Count);
        Assert.Equal(payments.Length, results.Count(r => r.Status == PaymentRecordingStatus.Recorded));
        Assert.DoesNotContain(results, r => r.Status == PaymentRecordingStatus.Refused);
        Assert.Equal(invoice.Totals.AmountDue - account.Paid, account.Balance);
    }
}
