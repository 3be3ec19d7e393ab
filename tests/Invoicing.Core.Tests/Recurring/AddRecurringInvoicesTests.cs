using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using static Invoicing.Core.Tests.Recurring.RecurringFixtures;

namespace Invoicing.Core.Tests.Recurring;

public sealed class AddRecurringInvoicesTests
{
    [Fact]
    public async Task AddRecurringInvoices_InMemoryStore_RunnerIssuesThroughTheRegisteredStores()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 3, 1, 8, 0)));
        services.AddInvoicing().AddRecurringInvoices(o => o.WorkerId = "host-a").UseInMemoryStore();
        await using var provider = services.BuildServiceProvider();
        var schedules = provider.GetRequiredService<IRecurringScheduleStore>();
        await schedules.SaveAsync(Schedule(Recurrence.MonthlyOnDay(1), new LocalDate(2026, 3, 1)));

        var result = await provider.GetRequiredService<RecurringRunner>().RunOnceAsync();

        Assert.Equal(1, result.Issued);
        Assert.NotNull(await provider.GetRequiredService<IInvoiceStore>().GetAsync(result.InvoiceNumbers[0]));
        Assert.Equal("host-a", Assert.Single(await schedules.ListOccurrencesAsync("sub-1")).WorkerId);
    }

    [Fact]
    public void AddRecurringInvoices_BadOptions_FailValidationNamingTheOption()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UseInMemoryStore().AddRecurringInvoices(o => o.MaxPeriodsPerRun = 0);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RecurringOptions>>().Value);

        Assert.Contains("MaxPeriodsPerRun", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRecurringInvoices_HostSchedulesStore_IsKept()
    {
        var invoices = InvoiceStores.CreateInMemory();
        var own = RecurringScheduleStores.CreateInMemory(invoices);
        var services = new ServiceCollection();
        services.AddSingleton(own);
        services.AddInvoicing().UseInMemoryStore().AddRecurringInvoices();
        using var provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<IRecurringScheduleStore>());
    }
}
