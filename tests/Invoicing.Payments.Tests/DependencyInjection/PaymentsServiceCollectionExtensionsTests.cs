using Invoicing.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Payments.Tests.DependencyInjection;

public sealed class PaymentsServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddInvoicingPayments_WithAStore_RecordsThroughIt()
    {
        var services = new ServiceCollection();
        services.AddInvoicing(o => o.TimeZone = "America/New_York").UseInMemoryStore();
        services.AddInvoicingPayments();
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IInvoiceStore>();
        var invoice = await store.IssueAsync(new IssueRequest { Document = PaymentFixtures.Draft(), Series = NumberSeries.DefaultInvoices, IssuedAt = PaymentFixtures.Start });
        // 02:00 UTC on 3 November is still 2 November in New York.
        var report = PaymentFixtures.Report(invoice.Number, 20m) with { ReceivedAt = NodaTime.Instant.FromUtc(2026, 11, 3, 2, 0) };

        var result = await provider.GetRequiredService<IPaymentRecorder>().RecordAsync(report);

        Assert.Equal(PaymentRecordingStatus.Recorded, result.Status);
        Assert.Equal(new NodaTime.LocalDate(2026, 11, 2), Assert.Single((await store.GetAccountAsync(invoice.Number))!.Payments).Date);
    }

    [Fact]
    public void AddInvoicingPayments_Twice_RegistersOneRecorder()
    {
        var services = new ServiceCollection();
        services.AddInvoicingPayments().AddInvoicingPayments();

        Assert.Single(services, d => d.ServiceType == typeof(IPaymentRecorder));
    }

    [Fact]
    public void AddInvoicingPayments_WithoutAStore_SaysWhatIsMissing()
    {
        var services = new ServiceCollection();
        services.AddInvoicingPayments();
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IPaymentRecorder>());
        Assert.Contains("IInvoiceStore", exception.Message, StringComparison.Ordinal);
    }
}
