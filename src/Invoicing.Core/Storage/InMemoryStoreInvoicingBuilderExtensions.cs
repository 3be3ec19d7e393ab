using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invoicing.Core;

/// <summary>Registers the in-memory store.</summary>
public static class InMemoryStoreInvoicingBuilderExtensions
{
    /// <summary>Uses a store kept in memory (one per service provider), with its recurring schedule store: nothing survives the process.</summary>
    public static IInvoicingBuilder UseInMemoryStore(this IInvoicingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IInvoiceStore>(_ => InvoiceStores.CreateInMemory());
        builder.Services.TryAddSingleton(provider => RecurringScheduleStores.CreateInMemory(provider.GetRequiredService<IInvoiceStore>()));
        return builder;
    }
}
