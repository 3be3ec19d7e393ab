using Invoicing.Core;
using NodaTime;
using NodaTime.Testing;

namespace Invoicing.Events.Tests.Dispatching;

public sealed class InvoiceEventDispatcherTests
{
    private readonly FakeClock _clock = new(EventFixtures.Start);
    private readonly IInvoiceStore _store;
    private readonly IInvoiceEventStore _events;

    public InvoiceEventDispatcherTests()
    {
        _store = InvoiceStores.CreateInMemory(_clock);
        _events = (IInvoiceEventStore)_store;
    }

    [Fact]
    public async Task DispatchOnceAsync_EveryEventToEveryHandler_InOrder_CursorAtTheLast()
    {
        var crm = new RecordingHandler("crm");
        var ledger = new RecordingHandler("ledger");
        var dispatcher = Dispatcher([crm, ledger]);
        var invoice = await _store.IssueAsync(EventFixtures.Request());
        await _store.RecordPaymentAsync(new Payment(Guid.NewGuid(), invoice.Number, new LocalDate(2026, 11, 3), 20m, PaymentMethod.Card));
        await _events.RecordSentAsync(invoice.Number, _clock.GetCurrentInstant(), "email");

        var result = await dispatcher.DispatchOnceAsync();

        var all = await _events.ReadEventsAsync(0, 100);
        Assert.Equal(new InvoiceEventDispatchResult(6, 0, 0), result);
        Assert.Equal(all.Select(e => e.Id), crm.Received.Select(e => e.Id));
        Assert.Equal(all.Select(e => e.Id), ledger.Received.Select(e => e.Id));
        Assert.Equal(all[^1].Position, await _events.GetCursorAsync("crm"));
        Assert.Equal(new InvoiceEventDispatchResult(0, 0, 0), await dispatcher.DispatchOnceAsync());
    }

    [Fact]
    public async Task DispatchOnceAsync_HandlerThrows_EventKeptAndDeliveredAgainAfterTheBackoff_OthersUnaffected()
    {
        var crm = new RecordingHandler("crm");
        var ledger = new RecordingHandler("ledger");
        var dispatcher = Dispatcher([crm, ledger]);
        var first = await _store.IssueAsync(EventFixtures.Request());
        var second = await _store.IssueAsync(EventFixtures.Request());
        await _store.IssueAsync(EventFixtures.Request());
        crm.FailOn = e => e.InvoiceNumber == second.Number;

        var failed = await dispatcher.DispatchOnceAsync();

        Assert.Equal(new InvoiceEventDispatchResult(1 + 3, 1, 0), failed);
        Assert.Equal(3, ledger.Received.Count);
        Assert.Equal([first.Number, second.Number], crm.Received.Select(e => e.InvoiceNumber));
        var firstPosition = (await _events.ReadEventsAsync(0, 1))[0].Position;
        Assert.Equal(firstPosition, await _events.GetCursorAsync("crm"));

        // Before the first retry delay (5 s by default) the handler waits; after it, it gets the same event again.
        _clock.Advance(Duration.FromSeconds(4));
        Assert.Equal(new InvoiceEventDispatchResult(0, 0, 1), await dispatcher.DispatchOnceAsync());
        _clock.Advance(Duration.FromSeconds(1));
        Assert.Equal(1, (await dispatcher.DispatchOnceAsync()).Failed);

        // Two failures in a row: the wait doubles to 10 s.
        _clock.Advance(Duration.FromSeconds(9));
        Assert.Equal(1, (await dispatcher.DispatchOnceAsync()).Skipped);
        _clock.Advance(Duration.FromSeconds(1));
        crm.FailOn = _ => false;
        Assert.Equal(new InvoiceEventDispatchResult(2, 0, 0), await dispatcher.DispatchOnceAsync());

        var redelivered = crm.Received.Where(e => e.InvoiceNumber == second.Number).ToList();
        Assert.Equal(3, redelivered.Count);
        Assert.Single(redelivered.Select(e => e.Id).Distinct());
        Assert.Equal(await _events.GetCursorAsync("ledger"), await _events.GetCursorAsync("crm"));
    }

    [Fact]
    public async Task DispatchOnceAsync_CursorLeasedByAnotherInstance_Skipped()
    {
        var handler = new RecordingHandler("crm");
        await _store.IssueAsync(EventFixtures.Request());
        var now = _clock.GetCurrentInstant();
        await _events.TryLeaseCursorAsync("crm", "other-instance", now, now.Plus(Duration.FromMinutes(1)));

        var result = await Dispatcher([handler]).DispatchOnceAsync();

        Assert.Equal(new InvoiceEventDispatchResult(0, 0, 1), result);
        Assert.Empty(handler.Received);

        // The other instance died: its lease runs out and this one takes the handler over.
        _clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(1, (await Dispatcher([handler]).DispatchOnceAsync()).Delivered);
    }

    [Fact]
    public async Task DispatchOnceAsync_TwoInstancesAtOnce_EachEventDeliveredOnceToTheHandler()
    {
        var handler = new RecordingHandler("crm");
        for (var i = 0; i < 20; i++)
        {
            await _store.IssueAsync(EventFixtures.Request());
        }

        var first = Dispatcher([handler], "instance-1");
        var second = Dispatcher([handler], "instance-2");
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).DispatchOnceAsync())));

        Assert.Equal(20, handler.Received.Count);
        Assert.Equal(20, handler.Received.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task DispatchOnceAsync_OneBatchPerHandlerPerPass_SoNoHandlerHoldsThePassOpen()
    {
        var crm = new RecordingHandler("crm");
        for (var i = 0; i < 5; i++)
        {
            await _store.IssueAsync(EventFixtures.Request());
        }

        var dispatcher = new InvoiceEventDispatcher(_events, [crm], _clock, new InvoiceEventOptions { WorkerId = "w", BatchSize = 2 }, DateTimeZoneProviders.Tzdb["Europe/Paris"]);

        Assert.Equal(2, (await dispatcher.DispatchOnceAsync()).Delivered);
        Assert.Equal(2, (await dispatcher.DispatchOnceAsync()).Delivered);
        Assert.Equal(1, (await dispatcher.DispatchOnceAsync()).Delivered);
        Assert.Equal(0, (await dispatcher.DispatchOnceAsync()).Delivered);
        Assert.Equal(5, crm.Received.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task DispatchOnceAsync_SlowBatch_LeaseRenewedSoNoOtherInstanceStartsBesideIt()
    {
        var takenOver = new List<bool>();
        var slow = new CallbackHandler("crm", async _ =>
        {
            // Each event takes 40 s of a 1 min lease; meanwhile another instance tries to take the handler.
            _clock.Advance(Duration.FromSeconds(40));
            var now = _clock.GetCurrentInstant();
            takenOver.Add(await _events.TryLeaseCursorAsync("crm", "intruder", now, now.Plus(Duration.FromMinutes(1))) is not null);
        });
        for (var i = 0; i < 4; i++)
        {
            await _store.IssueAsync(EventFixtures.Request());
        }

        var result = await Dispatcher([slow]).DispatchOnceAsync();

        Assert.Equal(4, result.Delivered);
        Assert.Equal([false, false, false, false], takenOver);
    }

    [Fact]
    public void Constructor_TwoHandlersWithOneName_Refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Dispatcher([new RecordingHandler("crm"), new RecordingHandler("crm")]));

        Assert.Contains("'crm'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BlankHandlerName_RefusedNamingTheRule()
    {
        var error = Assert.Throws<InvoiceValidationException>(() => Dispatcher([new RecordingHandler(" ")]));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-EVENT-HANDLER");
    }

    [Fact]
    public async Task RecordOverdueAsync_TodayInTheBusinessTimeZone()
    {
        // Due 2026-11-12; at 23:30 UTC on the 12th it is already the 13th in Paris.
        var invoice = await _store.IssueAsync(EventFixtures.Request(EventFixtures.Draft(dueInDays: 10)));
        _clock.Reset(Instant.FromUtc(2026, 11, 12, 22, 59));
        var dispatcher = Dispatcher([]);

        Assert.Equal(0, await dispatcher.RecordOverdueAsync());
        _clock.Advance(Duration.FromMinutes(2));
        Assert.Equal(1, await dispatcher.RecordOverdueAsync());
        Assert.Equal(0, await dispatcher.RecordOverdueAsync());
        Assert.Equal(invoice.Number, (await _events.ReadEventsAsync(0, 10))[^1].InvoiceNumber);
    }

    private sealed class CallbackHandler(string name, Func<InvoiceEvent, Task> handle) : IInvoiceEventHandler
    {
        public string Name { get; } = name;

        public Task HandleAsync(InvoiceEvent invoiceEvent, CancellationToken cancellationToken) => handle(invoiceEvent);
    }

    private InvoiceEventDispatcher Dispatcher(IEnumerable<IInvoiceEventHandler> handlers, string worker = "instance-1") =>
        new(_events, handlers, _clock, new InvoiceEventOptions { WorkerId = worker }, DateTimeZoneProviders.Tzdb["Europe/Paris"]);
}
