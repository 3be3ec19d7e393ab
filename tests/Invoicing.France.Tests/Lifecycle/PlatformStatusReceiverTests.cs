using Invoicing.Core;
using Invoicing.France.Tests.Platform;

namespace Invoicing.France.Tests;

/// <summary>Statuses about the seller's invoices fetched from the fake platform and applied to the SQLite store.</summary>
public sealed class PlatformStatusReceiverTests : IAsyncLifetime
{
    private readonly FakePlatform _platform = new();
    private readonly PlatformClients _clients;
    private readonly SqliteInvoices _db = new();
    private IssuedInvoice _invoice = null!;

    public PlatformStatusReceiverTests() => _clients = new PlatformClients(_platform);

    public async Task InitializeAsync() => _invoice = await _db.IssueAsync();

    public async Task DisposeAsync()
    {
        _clients.Dispose();
        _platform.Dispose();
        await _db.DisposeAsync();
    }

    private PlatformStatusReceiver Receiver => new(_clients.Flows, new StatusApplier(_db.Store, _db.Events, _db.Dunning));

    private byte[] Status(LifecycleStatus status)
    {
        var message = CdarSamples.For(status);
        var report = message.Reports[0] with { InvoiceNumber = _invoice.Number };
        if (status == LifecycleStatus.Cashed)
        {
            report = report with { Amounts = [new StatusAmount(StatusAmountTypes.Cashed, _invoice.Totals.AmountDue, Currency.Eur, 20m)] };
        }

        return CdarWriter.ToBytes(message with { Reports = [report] });
    }

    [Fact]
    public async Task ReceiveAsync_StatusFlows_AppliedOnceEvenWhenFetchedAgain()
    {
        _platform.Deliver("cdar-1.xml", "CDAR", Status(LifecycleStatus.Disputed), type: "CustomerInvoiceLC");
        _platform.Deliver("cdar-2.xml", "CDAR", Status(LifecycleStatus.Cashed), type: "CustomerInvoiceLC");
        var broken = _platform.Deliver("cdar-3.xml", "CDAR", "<x/>"u8.ToArray(), type: "CustomerInvoiceLC");
        _platform.Deliver("supplier.xml", "CII", "<x/>"u8.ToArray());

        var first = await Receiver.ReceiveAsync();
        var again = await Receiver.ReceiveAsync();

        Assert.Equal(3, first.Count);
        Assert.Equal([StatusEffect.RemindersPaused, StatusEffect.PaymentRecorded], first.Take(2).Select(f => f.Application!.Statuses[0].Effect));
        Assert.Equal((broken.FlowId, "FR-STATUS-UNREADABLE"), (first[2].FlowId, first[2].Problem!.RuleId));
        Assert.All(again.Take(2), f => Assert.True(f.Application!.Statuses[0].AlreadyApplied));
        var account = await _db.Store.GetAccountAsync(_invoice.Number);
        Assert.Equal(_invoice.Totals.AmountDue, Assert.Single(account!.Payments).Amount);
        Assert.True((await _db.Dunning.GetInvoiceAsync(_invoice.Number))!.Disputed);
        Assert.Equal(2, (await _db.EventsAsync()).Count(e => e.Kind == InvoiceEventKind.PlatformStatus));
        _platform.AssertConformant();
    }
}
