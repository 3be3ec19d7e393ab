using Invoicing.Core;
using NodaTime;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>
/// The outbox: every change records its event in its own transaction, positions increase in commit order, overdue is
/// recorded once per invoice, and a handler's cursor is leased to one worker at a time.
/// </summary>
public abstract partial class StoreConformanceTests
{
    private static readonly Instant LeaseNow = Instant.FromUtc(2026, 12, 1, 8, 0);

    [Fact]
    public async Task IssueAsync_Invoice_RecordsIssuedEvent()
    {
        var store = await NewStoreAsync();

        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        var issued = Assert.Single(await EventsAsync(store));
        Assert.Equal(InvoiceEventKind.Issued, issued.Kind);
        Assert.Equal(invoice.Number, issued.InvoiceNumber);
        Assert.Equal(invoice.Document.CustomerKey, issued.CustomerKey);
        Assert.Equal(Currency.Eur, issued.Currency);
        Assert.Equal(StoreFixtures.DefaultAmountDue, issued.Amount);
        Assert.Equal(StoreFixtures.IssuedAt, issued.OccurredAt);
        Assert.Equal("invoice", issued.Data["documentType"]);
        Assert.Equal("2026-11-02", issued.Data["issueDate"]);
        Assert.Equal("2026-12-02", issued.Data["dueDate"]);
        Assert.True(issued.Position > 0);
        Assert.NotEqual(Guid.Empty, issued.Id);
    }

    [Fact]
    public async Task IssueAsync_CreditNote_RecordsItsIssueThenTheCreditOnTheInvoice()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        var creditNote = await store.IssueAsync(StoreFixtures.Request(CreditNotes.Partial(invoice, new LocalDate(2026, 11, 5), [new CreditedLine("2", 1)])));

        var events = await EventsAsync(store);
        Assert.Equal([InvoiceEventKind.Issued, InvoiceEventKind.Issued, InvoiceEventKind.Credited], events.Select(e => e.Kind));
        Assert.Equal(creditNote.Number, events[1].InvoiceNumber);
        Assert.Equal("creditNote", events[1].Data["documentType"]);
        var credited = events[2];
        Assert.Equal(invoice.Number, credited.InvoiceNumber);
        Assert.Equal(14.98m, credited.Amount);
        Assert.Equal(creditNote.Number, credited.Data["creditNoteNumber"]);
        Assert.Equal("134.98", credited.Data["balance"]);
    }

    [Fact]
    public async Task RecordPaymentAsync_PartThenRest_PartlyPaidThenPaid()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var first = StoreFixtures.Payment(invoice.Number, 100m);

        await store.RecordPaymentAsync(first);
        await store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, 49.96m));

        var events = await EventsAsync(store);
        Assert.Equal([InvoiceEventKind.Issued, InvoiceEventKind.PartlyPaid, InvoiceEventKind.Paid], events.Select(e => e.Kind));
        Assert.Equal(100m, events[1].Amount);
        Assert.Equal(first.Id.ToString("D"), events[1].Data["paymentId"]);
        Assert.Equal("49.96", events[1].Data["balance"]);
        Assert.Equal("2026-11-20", events[1].Data["paymentDate"]);
        Assert.Equal(49.96m, events[2].Amount);
        Assert.Equal("0.00", events[2].Data["balance"]);
    }

    [Fact]
    public async Task WriteOffAsync_RecordsWrittenOffEvent()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        await store.WriteOffAsync(new WriteOff(invoice.Number, new LocalDate(2027, 2, 1), "Bankrupt"));

        var writtenOff = (await EventsAsync(store))[^1];
        Assert.Equal(InvoiceEventKind.WrittenOff, writtenOff.Kind);
        Assert.Equal(StoreFixtures.DefaultAmountDue, writtenOff.Amount);
        Assert.Equal("Bankrupt", writtenOff.Data["reason"]);
        Assert.Equal("2027-02-01", writtenOff.Data["date"]);
    }

    [Fact]
    public async Task RefusedChanges_RecordNoEvent()
    {
        var store = await NewStoreAsync();
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(issueDate: new LocalDate(2026, 11, 10))));

        await Assert.ThrowsAsync<InvoiceValidationException>(() => store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, 1000m)));
        await Assert.ThrowsAsync<InvoiceValidationException>(() => store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(issueDate: new LocalDate(2026, 11, 9)))));
        await Assert.ThrowsAsync<InvoiceValidationException>(() => store.IssueAsync(StoreFixtures.Request(CreditNotes.Full(invoice, new LocalDate(2026, 11, 12)) with { Currency = Currency.Usd })));

        Assert.Single(await EventsAsync(store));
    }

    [Fact]
    public async Task RecordSentAndViewed_RecordedAndReadBack()
    {
        var store = await NewStoreAsync();
        var events = (IInvoiceEventStore)store;
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var at = Instant.FromUtc(2026, 11, 2, 10, 30, 15);

        var sent = await events.RecordSentAsync(invoice.Number, at, "email");
        var viewed = await events.RecordViewedAsync(invoice.Number, at.Plus(Duration.FromHours(2)));

        Assert.Equal(InvoiceEventKind.Sent, sent.Kind);
        Assert.Equal("email", sent.Data["channel"]);
        Assert.Null(sent.Amount);
        Assert.Equal(InvoiceEventKind.Viewed, viewed.Kind);
        Assert.Empty(viewed.Data);
        Assert.True(viewed.Position > sent.Position);
        Assert.Equal([sent, viewed], (await EventsAsync(store)).Skip(1), EventComparer.Instance);
    }

    [Fact]
    public async Task RecordSentAndViewed_BadArguments_RefusedWithoutEvent()
    {
        var store = await NewStoreAsync();
        var events = (IInvoiceEventStore)store;
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        var unknown = await Assert.ThrowsAsync<InvoiceValidationException>(() => events.RecordSentAsync("F1999-00001", LeaseNow));
        var blank = await Assert.ThrowsAsync<InvoiceValidationException>(() => events.RecordViewedAsync("", LeaseNow));
        var longChannel = await Assert.ThrowsAsync<InvoiceValidationException>(() => events.RecordSentAsync(invoice.Number, LeaseNow, new string('c', 201)));
        var blankSource = await Assert.ThrowsAsync<InvoiceValidationException>(() => events.RecordViewedAsync(invoice.Number, LeaseNow, " "));

        Assert.Contains(unknown.Issues, i => i.RuleId == "INV-EVENT-INVOICE-UNKNOWN" && i.Path == "invoiceNumber");
        Assert.Contains(blank.Issues, i => i.RuleId == "INV-EVENT-INVOICE-UNKNOWN");
        Assert.Contains(longChannel.Issues, i => i.RuleId == "INV-EVENT-DETAIL" && i.Path == "channel");
        Assert.Contains(blankSource.Issues, i => i.RuleId == "INV-EVENT-DETAIL" && i.Path == "source");
        Assert.Single(await EventsAsync(store));
    }

    [Fact]
    public async Task RecordPlatformStatusAsync_SameNoticeTwice_RecordedOnceWithItsIdAndData()
    {
        var store = await NewStoreAsync();
        var events = (IInvoiceEventStore)store;
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var notice = new PlatformStatusNotice { Id = Guid.NewGuid(), ReportedAt = Instant.FromUtc(2026, 11, 4, 9, 0), Code = "210", Name = "Refusée", MessageId = "CDAR-1", Reason = "CMD_ERR: wrong order" };

        var first = await events.RecordPlatformStatusAsync(invoice.Number, notice);
        var again = await events.RecordPlatformStatusAsync(invoice.Number, notice with { Reason = "changed" });
        var other = await events.RecordPlatformStatusAsync(invoice.Number, notice with { Id = Guid.NewGuid(), Code = "205", Name = null, MessageId = null, Reason = null });

        Assert.NotNull(first);
        Assert.Null(again);
        Assert.Equal((InvoiceEventKind.PlatformStatus, notice.Id, notice.ReportedAt, (decimal?)null), (first.Kind, first.Id, first.OccurredAt, first.Amount));
        Assert.Equal(["code=210", "messageId=CDAR-1", "name=Refusée", "reason=CMD_ERR: wrong order"], first.Data.Select(e => $"{e.Key}={e.Value}").Order(StringComparer.Ordinal));
        Assert.Equal(["code=205"], other!.Data.Select(e => $"{e.Key}={e.Value}"));
        Assert.Equal([first, other], (await EventsAsync(store)).Skip(1), EventComparer.Instance);
    }

    [Fact]
    public async Task RecordPlatformStatusAsync_BadArguments_RefusedWithoutEvent()
    {
        var store = await NewStoreAsync();
        var events = (IInvoiceEventStore)store;
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var notice = new PlatformStatusNotice { Id = Guid.NewGuid(), ReportedAt = LeaseNow, Code = "205" };

        var unknown = await Assert.ThrowsAsync<InvoiceValidationException>(() => events.RecordPlatformStatusAsync("F1999-00001", notice));
        var blankCode = await Assert.ThrowsAsync<InvoiceValidationException>(() => events.RecordPlatformStatusAsync(invoice.Number, notice with { Code = " " }));
        var emptyId = await Assert.ThrowsAsync<InvoiceValidationException>(() => events.RecordPlatformStatusAsync(invoice.Number, notice with { Id = Guid.Empty }));
        var longReason = await Assert.ThrowsAsync<InvoiceValidationException>(() => events.RecordPlatformStatusAsync(invoice.Number, notice with { Reason = new string('r', 1001) }));

        Assert.Contains(unknown.Issues, i => i.RuleId == "INV-EVENT-INVOICE-UNKNOWN" && i.Path == "invoiceNumber");
        Assert.Contains(blankCode.Issues, i => i.RuleId == "INV-EVENT-DETAIL" && i.Path == "code");
        Assert.Contains(emptyId.Issues, i => i.RuleId == "INV-EVENT-DETAIL" && i.Path == "id");
        Assert.Contains(longReason.Issues, i => i.RuleId == "INV-EVENT-DETAIL" && i.Path == "reason");
        Assert.Single(await EventsAsync(store));
    }

    [Fact]
    public async Task RecordOverdueAsync_OncePerOpenInvoicePastItsDueDate()
    {
        var store = await NewStoreAsync();
        var events = (IInvoiceEventStore)store;
        var late = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(dueInDays: 10)));
        var paid = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(dueInDays: 10)));
        await store.RecordPaymentAsync(StoreFixtures.Payment(paid.Number, StoreFixtures.DefaultAmountDue));
        var notYet = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(dueInDays: 60)));
        await store.IssueAsync(StoreFixtures.Request(CreditNotes.Full(notYet, new LocalDate(2026, 11, 3)) with { DueDate = null }));
        var dueDate = late.Document.DueDate!.Value;

        Assert.Equal(0, await events.RecordOverdueAsync(dueDate));
        Assert.Equal(1, await events.RecordOverdueAsync(dueDate.PlusDays(1)));
        Assert.Equal(0, await events.RecordOverdueAsync(dueDate.PlusDays(2)));

        var overdue = Assert.Single(await EventsAsync(store), e => e.Kind == InvoiceEventKind.Overdue);
        Assert.Equal(late.Number, overdue.InvoiceNumber);
        Assert.Equal(StoreFixtures.DefaultAmountDue, overdue.Amount);
        Assert.Equal("2026-11-12", overdue.Data["dueDate"]);
    }

    [Fact]
    public async Task RecordOverdueAsync_ConcurrentScans_RecordEachInvoiceOnce()
    {
        var store = await NewStoreAsync();
        var events = (IInvoiceEventStore)store;
        for (var i = 0; i < 5; i++)
        {
            await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(dueInDays: 1)));
        }

        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => events.RecordOverdueAsync(new LocalDate(2027, 1, 1)))));

        Assert.Equal(5, counts.Sum());
        Assert.Equal(5, (await EventsAsync(store)).Count(e => e.Kind == InvoiceEventKind.Overdue));
    }

    [Fact]
    public async Task ReadEventsAsync_PagesInPositionOrder()
    {
        var store = await NewStoreAsync();
        var events = (IInvoiceEventStore)store;
        for (var i = 0; i < 5; i++)
        {
            await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        }

        var all = await events.ReadEventsAsync(0, 100);
        var firstPage = await events.ReadEventsAsync(0, 2);
        var secondPage = await events.ReadEventsAsync(firstPage[^1].Position, 2);
        var rest = await events.ReadEventsAsync(secondPage[^1].Position, 100);

        Assert.Equal(5, all.Count);
        Assert.Equal(all, [.. firstPage, .. secondPage, .. rest], EventComparer.Instance);
        Assert.Empty(await events.ReadEventsAsync(all[^1].Position, 100));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => events.ReadEventsAsync(-1, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => events.ReadEventsAsync(0, 0));
    }

    [Fact]
    public async Task ConcurrentChanges_EveryEventOnceWithIncreasingPositions()
    {
        var store = await NewStoreAsync();
        var invoices = new List<IssuedInvoice>();
        for (var i = 0; i < 4; i++)
        {
            invoices.Add(await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft())));
        }

        await Task.WhenAll(
            invoices.Select(invoice => (Task)Task.Run(() => store.RecordPaymentAsync(StoreFixtures.Payment(invoice.Number, 10m))))
                .Concat(Enumerable.Range(0, 6).Select(_ => (Task)Task.Run(() => store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()))))));

        var events = await EventsAsync(store);
        Assert.Equal(14, events.Count);
        Assert.Equal(14, events.Select(e => e.Id).Distinct().Count());
        Assert.True(events.Zip(events.Skip(1)).All(pair => pair.First.Position < pair.Second.Position));
        Assert.Equal(4, events.Count(e => e.Kind == InvoiceEventKind.PartlyPaid));
    }

    [Fact]
    public async Task ReminderJournaledAsSent_RecordsRemindedEvent()
    {
        var store = await NewStoreAsync();
        var journal = JournalOf(store);
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var key = new ReminderKey(invoice.Number, "d+3");
        var sentAt = LeaseNow.Plus(Duration.FromMinutes(2));
        await journal.TryClaimAsync(new ReminderClaimRequest(key, "a", "r1@x.example", new LocalDate(2026, 12, 5), LeaseNow, LeaseNow.Plus(Duration.FromMinutes(10))));

        Assert.False(await journal.MarkSentAsync(key, "b", sentAt));
        Assert.Single(await EventsAsync(store));
        Assert.True(await journal.MarkSentAsync(key, "a", sentAt));

        var reminded = (await EventsAsync(store))[^1];
        Assert.Equal(InvoiceEventKind.Reminded, reminded.Kind);
        Assert.Equal(invoice.Number, reminded.InvoiceNumber);
        Assert.Equal(invoice.Document.CustomerKey, reminded.CustomerKey);
        Assert.Null(reminded.Amount);
        Assert.Equal(sentAt, reminded.OccurredAt);
        Assert.Equal("d+3", reminded.Data["stepId"]);
        Assert.Equal("r1@x.example", reminded.Data["messageId"]);
    }

    [Fact]
    public async Task ReminderOfAnInvoiceTheStoreDoesNotHold_JournaledWithoutEvent()
    {
        var store = await NewStoreAsync();
        var journal = JournalOf(store);
        var key = new ReminderKey("LEGACY-42", "d+3");
        await journal.TryClaimAsync(new ReminderClaimRequest(key, "a", "r1@x.example", new LocalDate(2026, 12, 5), LeaseNow, LeaseNow.Plus(Duration.FromMinutes(10))));

        Assert.True(await journal.MarkSentAsync(key, "a", LeaseNow));

        Assert.Empty(await EventsAsync(store));
    }

    [Fact]
    public async Task InvoiceMarkedDisputed_RecordsDisputedOncePerDispute()
    {
        var store = await NewStoreAsync();
        var settings = SettingsOf(store);
        var invoice = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));

        await settings.SaveInvoiceAsync(new DunningInvoiceSettings { InvoiceNumber = invoice.Number, PausedUntil = new LocalDate(2026, 12, 20) });
        await settings.SaveInvoiceAsync(new DunningInvoiceSettings { InvoiceNumber = invoice.Number, Disputed = true, PausedUntil = new LocalDate(2027, 1, 15) });
        await settings.SaveInvoiceAsync(new DunningInvoiceSettings { InvoiceNumber = invoice.Number, Disputed = true });
        await settings.SaveInvoiceAsync(new DunningInvoiceSettings { InvoiceNumber = invoice.Number, Disputed = false });
        await settings.SaveInvoiceAsync(new DunningInvoiceSettings { InvoiceNumber = invoice.Number, Disputed = true });

        var disputes = (await EventsAsync(store)).Where(e => e.Kind == InvoiceEventKind.Disputed).ToList();
        Assert.Equal(2, disputes.Count);
        Assert.Equal(invoice.Number, disputes[0].InvoiceNumber);
        Assert.Equal("2027-01-15", disputes[0].Data["pausedUntil"]);
        Assert.Empty(disputes[1].Data);
    }

    [Fact]
    public async Task Cursor_LeasedToOneWorkerAtATime()
    {
        var store = await NewStoreAsync();
        var events = (IInvoiceEventStore)store;
        var until = LeaseNow.Plus(Duration.FromMinutes(1));

        Assert.Equal(0, await events.GetCursorAsync("crm"));
        Assert.Equal(0L, await events.TryLeaseCursorAsync("crm", "a", LeaseNow, until));
        Assert.Null(await events.TryLeaseCursorAsync("crm", "b", LeaseNow, until));
        Assert.Equal(0L, await events.TryLeaseCursorAsync("crm", "a", LeaseNow, until));
        Assert.Equal(0L, await events.TryLeaseCursorAsync("ledger", "b", LeaseNow, until));

        Assert.True(await events.AdvanceCursorAsync("crm", "a", 7));
        Assert.False(await events.AdvanceCursorAsync("crm", "b", 9));
        Assert.True(await events.AdvanceCursorAsync("crm", "a", 3));
        Assert.Equal(7, await events.GetCursorAsync("crm"));
        Assert.Equal(0, await events.GetCursorAsync("ledger"));

        // The lease ends: b takes it over, and a can no longer move the cursor.
        Assert.Equal(7L, await events.TryLeaseCursorAsync("crm", "b", until, until.Plus(Duration.FromMinutes(1))));
        Assert.False(await events.AdvanceCursorAsync("crm", "a", 8));
        await events.ReleaseCursorAsync("crm", "a");
        Assert.Null(await events.TryLeaseCursorAsync("crm", "a", until, until.Plus(Duration.FromMinutes(1))));
        await events.ReleaseCursorAsync("crm", "b");
        Assert.Equal(7L, await events.TryLeaseCursorAsync("crm", "a", until, until.Plus(Duration.FromMinutes(1))));
    }

    [Fact]
    public async Task Cursor_ConcurrentLeases_OneWins()
    {
        var store = await NewStoreAsync();
        var events = (IInvoiceEventStore)store;

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => events.TryLeaseCursorAsync("crm", "worker-" + i, LeaseNow, LeaseNow.Plus(Duration.FromMinutes(1))))));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task Cursor_BadNames_Refused()
    {
        var store = await NewStoreAsync();
        var events = (IInvoiceEventStore)store;

        var blank = await Assert.ThrowsAsync<InvoiceValidationException>(() => events.TryLeaseCursorAsync(" ", "a", LeaseNow, LeaseNow));
        var tooLong = await Assert.ThrowsAsync<InvoiceValidationException>(() => events.AdvanceCursorAsync(new string('h', 201), "a", 1));
        var worker = await Assert.ThrowsAsync<InvoiceValidationException>(() => events.TryLeaseCursorAsync("crm", "", LeaseNow, LeaseNow));

        Assert.Contains(blank.Issues, i => i.RuleId == "INV-EVENT-HANDLER" && i.Path == "handlerName");
        Assert.Contains(tooLong.Issues, i => i.RuleId == "INV-EVENT-HANDLER");
        Assert.Contains(worker.Issues, i => i.RuleId == "INV-EVENT-WORKER" && i.Path == "workerId");
        Assert.Equal(0, await events.GetCursorAsync("crm"));
    }

    /// <summary>The reminder journal that shares <paramref name="store"/>'s outbox.</summary>
    protected abstract IReminderJournal JournalOf(IInvoiceStore store);

    /// <summary>The dunning settings store that shares <paramref name="store"/>'s outbox.</summary>
    protected abstract IDunningSettingsStore SettingsOf(IInvoiceStore store);

    private static async Task<IReadOnlyList<InvoiceEvent>> EventsAsync(IInvoiceStore store) =>
        await ((IInvoiceEventStore)store).ReadEventsAsync(0, 10_000);
}
