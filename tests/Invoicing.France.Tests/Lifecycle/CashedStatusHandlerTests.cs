using Invoicing.Core;
using Invoicing.France.Tests.Platform;
using NodaTime;

namespace Invoicing.France.Tests;

/// <summary>The seller's 212 sent for payments of invoices with VAT due on payment, through the fake platform.</summary>
public sealed class CashedStatusHandlerTests : IAsyncLifetime
{
    private readonly FakePlatform _platform = new();
    private readonly PlatformClients _clients;
    private readonly SqliteInvoices _db = new();

    public CashedStatusHandlerTests() => _clients = new PlatformClients(_platform);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _clients.Dispose();
        _platform.Dispose();
        await _db.DisposeAsync();
    }

    private async Task<IssuedInvoice> IssueAsync(VatDueDateType dueType) =>
        await _db.Store.IssueAsync(new IssueRequest { Document = SqliteInvoices.Sample() with { VatDueDateType = dueType }, Series = NumberSeries.DefaultInvoices, IssuedAt = Instant.FromUtc(2026, 11, 2, 9, 0) });

    private async Task DeliverAllAsync(CashedStatusHandler handler)
    {
        foreach (var invoiceEvent in await _db.EventsAsync())
        {
            await handler.HandleAsync(invoiceEvent, CancellationToken.None);
        }
    }

    [Fact]
    public async Task HandleAsync_PaymentsOfAnInvoiceWithVatOnPayment_SendsOne212EachEvenWhenDeliveredTwice()
    {
        var services = await IssueAsync(VatDueDateType.PaymentDate);
        var goods = await IssueAsync(VatDueDateType.InvoiceDate);
        await _db.Store.RecordPaymentAsync(new Payment(Guid.NewGuid(), services.Number, new LocalDate(2026, 11, 20), 300m, PaymentMethod.CreditTransfer));
        await _db.Store.RecordPaymentAsync(new Payment(Guid.NewGuid(), services.Number, new LocalDate(2026, 11, 25), services.Totals.AmountDue - 300m, PaymentMethod.CreditTransfer));
        await _db.Store.RecordPaymentAsync(new Payment(Guid.NewGuid(), goods.Number, new LocalDate(2026, 11, 20), 100m, PaymentMethod.CreditTransfer));
        var handler = new CashedStatusHandler(_db.Store, _clients.Flows);

        await DeliverAllAsync(handler);
        await DeliverAllAsync(handler);

        var sent = _platform.Flows.Where(f => f.Syntax == "CDAR").ToList();
        Assert.Equal(4, sent.Count);
        Assert.Equal(2, sent.Select(f => f.TrackingId).Distinct().Count());
        Assert.Equal(2, sent.Count(f => f.Rejection is { Code: "AlreadyExistingFlow" }));
        var statuses = sent.Where(f => f.Rejection is null).Select(f => CdarReader.Read(f.File).Reports[0]).ToList();
        Assert.All(statuses, r => Assert.Equal((LifecycleStatus.Cashed, services.Number), (r.Status, r.InvoiceNumber)));
        Assert.Equal([300m, services.Totals.AmountDue - 300m], statuses.Select(r => r.Amounts.Sum(a => a.Amount)));
        _platform.AssertConformant();
    }
}
