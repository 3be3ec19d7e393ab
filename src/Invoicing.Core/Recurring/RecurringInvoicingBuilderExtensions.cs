using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Invoicing.Core;

/// <summary>Registers recurring invoices on the invoicing builder.</summary>
public static class RecurringInvoicingBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="RecurringRunner"/>, which uses the registered <see cref="IRecurringScheduleStore"/> (the
    /// storage package registers it: <c>UseInMemoryStore</c>, <c>UseSqlite</c>, <c>UsePostgreSql</c>) and issues through
    /// <see cref="InvoicingService"/>. Options are validated at start. The host runs
    /// <see cref="RecurringRunner.RunOnceAsync"/> on its own schedule (a timer, a job scheduler, or
    /// <c>invoicing recurring run</c> from cron); several hosts may run it at once.
    /// </summary>
    public static IInvoicingBuilder AddRecurringInvoices(this IInvoicingBuilder builder, Action<RecurringOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<RecurringOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => RecurringOptionsRules.Problem(o) is null, "RecurringOptions: WorkerId must be 1 to 200 characters, LeaseDuration positive, MaxPeriodsPerRun at least 1.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(provider => new RecurringRunner(
            provider.GetRequiredService<IRecurringScheduleStore>(),
            provider.GetRequiredService<InvoicingService>(),
            provider.GetRequiredService<NodaTime.IClock>(),
            provider.GetRequiredService<IOptions<RecurringOptions>>()));
        return builder;
    }
}
