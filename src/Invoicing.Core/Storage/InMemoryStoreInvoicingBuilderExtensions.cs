using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invoicing.Core;

/// <summary>Registers the in-memory store.</summary>
public static class InMemoryStoreInvoicingBuilderExtensions
{
    /// <summary>Uses a store kept in memory (one per service provider), also as the event outbox: nothing survives the process.</summary>
    public static IInvoicingBuilder UseInMemoryStore(this IInvoicingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IInvoiceStore>(provider => InvoiceStores.CreateInMemory(provider.GetService<NodaTime.IClock>()));
        builder.Services.TryAddSingleton(provider => (IInvoiceEventStore)provider.GetRequiredService<IInvoiceStore>());
        return builder;
    }
}
