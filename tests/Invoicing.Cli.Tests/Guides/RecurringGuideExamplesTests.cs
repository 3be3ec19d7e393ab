using Invoicing.Core;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Invoicing.Cli.Tests.Guides;

/// <summary>The recurring example of docs/packages/Invoicing.Core.md and docs/recurring.md, compiled and run; keep them in step.</summary>
public sealed class RecurringGuideExamplesTests
{
    [Fact]
    public async Task CoreGuide_RecurringSchedule_ProratedFirstPeriodThenFullMonth()
    {
        var draft = InvoiceJson.Deserialize(await File.ReadAllTextAsync(TestPaths.Sample("fr-domestic.json")));
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new Invoicing.Cli.Commands.DunningCommand.FixedClock(Instant.FromUtc(2026, 12, 1, 8, 0)));
        services.AddInvoicing().UseInMemoryStore().AddRecurringInvoices(o => o.WorkerId = "host-a");
        await using var provider = services.BuildServiceProvider();

        var schedules = provider.GetRequiredService<IRecurringScheduleStore>();
        await schedules.SaveAsync(new RecurringSchedule
        {
            Id = "sub-42",
            Recurrence = Recurrence.MonthlyOnDay(1),
            Start = new LocalDate(2026, 11, 16),
            TimeZone = "Europe/Paris",
            Template = draft,
        });
        RecurringRunResult run = await provider.GetRequiredService<RecurringRunner>().RunOnceAsync();

        Assert.Equal(["F2026-00001", "F2026-00002"], run.InvoiceNumbers);
        var store = provider.GetRequiredService<IInvoiceStore>();
        var full = (await store.GetAsync("F2026-00002"))!.Totals.LineNetTotal;
        var prorated = (await store.GetAsync("F2026-00001"))!.Document.Lines[0];
        Assert.Equal((4m * 15, 30m), (prorated.Quantity, prorated.BaseQuantity!.Value));
        Assert.True(full > (await store.GetAsync("F2026-00001"))!.Totals.LineNetTotal);
    }
}
