using Invoicing.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Events;

/// <summary>Registers event delivery on the invoicing builder.</summary>
public static class InvoiceEventsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the event dispatcher and its hosted service, over the registered <see cref="IInvoiceEventStore"/> (every
    /// storage package registers its store as one). Handlers are added with <see cref="AddInvoiceEventHandler{THandler}"/>
    /// (or registered as <see cref="IInvoiceEventHandler"/>). Options are validated at start.
    /// </summary>
    public static IInvoicingBuilder AddInvoiceEvents(this IInvoicingBuilder builder, Action<InvoiceEventOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<InvoiceEventOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options
            .Validate(o => !string.IsNullOrWhiteSpace(o.WorkerId) && o.WorkerId.Length <= InvoiceEvents.MaxTextLength, "InvoiceEventOptions.WorkerId must be 1 to 200 characters.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "InvoiceEventOptions.PollInterval must be positive.")
            .Validate(o => o.BatchSize is > 0 and <= 10_000, "InvoiceEventOptions.BatchSize must be 1 to 10000.")
            .Validate(o => o.LeaseDuration > TimeSpan.Zero, "InvoiceEventOptions.LeaseDuration must be positive.")
            .Validate(o => o.RetryInitialDelay > TimeSpan.Zero && o.RetryMaxDelay >= o.RetryInitialDelay, "InvoiceEventOptions.RetryInitialDelay must be positive and at most RetryMaxDelay.")
            .Validate(o => o.OverdueScanInterval >= TimeSpan.Zero, "InvoiceEventOptions.OverdueScanInterval must be zero (off) or positive.")
            .ValidateOnStart();

        services.TryAddSingleton<IInvoiceEventDispatcher>(provider => new InvoiceEventDispatcher(
            provider.GetService<IInvoiceEventStore>() ?? throw new InvalidOperationException("Invoice events need an IInvoiceEventStore: register a store (UseSqlite, UsePostgreSql, UseInMemoryStore) first."),
            provider.GetServices<IInvoiceEventHandler>(),
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<IOptions<InvoiceEventOptions>>().Value,
            DateTimeZoneProviders.Tzdb[provider.GetRequiredService<IOptions<InvoicingOptions>>().Value.TimeZone],
            provider.GetService<ILoggerFactory>()?.CreateLogger<InvoiceEventDispatcher>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InvoiceEventsBackgroundService>());
        return builder;
    }

    /// <summary>Adds a handler (a singleton), delivered every event at least once under its <see cref="IInvoiceEventHandler.Name"/>.</summary>
    public static IInvoicingBuilder AddInvoiceEventHandler<THandler>(this IInvoicingBuilder builder)
        where THandler : class, IInvoiceEventHandler
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IInvoiceEventHandler, THandler>());
        return builder;
    }
}
