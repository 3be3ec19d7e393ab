using NodaTime;
using NodaTime.Testing;

namespace Invoicing.Core.Tests.Recurring;

/// <summary>An in-memory invoice store, its schedule store, a fake clock and runners over them.</summary>
internal sealed class RecurringHarness
{
    public RecurringHarness(Instant now)
    {
        Clock = new FakeClock(now);
        Invoices = InvoiceStores.CreateInMemory();
        Schedules = RecurringScheduleStores.CreateInMemory(Invoices);
        Service = new InvoicingService(Invoices, Clock);
    }

    public FakeClock Clock { get; }

    public IInvoiceStore Invoices { get; }

    public IRecurringScheduleStore Schedules { get; }

    public InvoicingService Service { get; }

    public RecurringRunner Runner(string worker = "w1") => new(Schedules, Service, Clock, new RecurringOptions { WorkerId = worker });

    public Task<RecurringRunResult> RunAsync(string worker = "w1") => Runner(worker).RunOnceAsync();

    /// <summary>Every invoice issued, oldest first.</summary>
    public async Task<List<IssuedInvoice>> IssuedAsync()
    {
        var issued = new List<IssuedInvoice>();
        await foreach (var account in Invoices.QueryAsync(new InvoiceQuery()))
        {
            issued.Add(account.Invoice);
        }

        return [.. issued.OrderBy(i => i.Sequence)];
    }

    /// <summary>
    /// A worker that claims the next due period as the runner would, then stops: before issuing, or after issuing and
    /// before recording the number. Returns false when nothing was due.
    /// </summary>
    public async Task<bool> CrashAsync(string scheduleId, bool afterIssue)
    {
        var state = (await Schedules.GetAsync(scheduleId))!;
        var schedule = state.Schedule;
        var now = Clock.GetCurrentInstant();
        var today = now.InZone(DateTimeZoneProviders.Tzdb[schedule.TimeZone]).Date;
        var due = RecurringCalendar.Due(schedule, state.BilledThrough, state.BillFrom, today, 1);
        if (state.IsPaused || due.Count == 0)
        {
            return false;
        }

        var draftId = RecurringRules.OccurrenceDraftId(scheduleId, due[0].Start);
        var draft = OccurrenceDrafts.Build(schedule, due, Service.Today);
        var claimed = await Schedules.TryClaimAsync(new OccurrenceClaimRequest(scheduleId, due, state.BilledThrough, draftId, draft, "ghost", now, now + Duration.FromMinutes(10), RecurringRules.NextDueAt(schedule, due[0].End, state.BillFrom)));
        if (claimed && afterIssue)
        {
            await Service.IssueDraftAsync(draftId);
        }

        return claimed;
    }
}
