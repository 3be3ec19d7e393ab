using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invoicing.Core;

/// <summary>Registers the in-memory store.</summary>
public static class InMemoryStoreInvoicingBuilderExtensions
{
    /// <summary>
    /// Uses a store kept in memory (one per service provider), also as the event outbox, with a reminder journal and dunning
    /// settings that record reminded and disputed events in it, its recurring schedule store, CRM sync ledger, outgoing
    /// flow store and received documents: nothing survives the process.
    /// </summary>
    public static IInvoicingBuilder UseInMemoryStore(this IInvoicingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IInvoiceStore>(provider => InvoiceStores.CreateInMemory(provider.GetService<NodaTime.IClock>()));
        builder.Services.TryAddSingleton(provider => (IInvoiceEventStore)provider.GetRequiredService<IInvoiceStore>());
        builder.Services.TryAddSingleton(provider => RecurringScheduleStores.CreateInMemory(provider.GetRequiredService<IInvoiceStore>()));
        builder.Services.TryAddSingleton(provider => CrmSyncStores.CreateInMemory(provider.GetRequiredService<IInvoiceStore>()));
        builder.Services.TryAddSingleton(_ => OutgoingFlowStores.CreateInMemory());
        builder.Services.TryAddSingleton(_ => ReceivedDocuments.CreateInMemory());

        // The journal and the settings share the store, so sent reminders and disputes are recorded in its outbox.
        builder.Services.TryAddSingleton(provider => InMemoryReminders.CreateJournal(provider.GetRequiredService<IInvoiceStore>()));
        builder.Services.TryAddSingleton(provider => InMemoryReminders.CreateSettingsStore(provider.GetRequiredService<IInvoiceStore>()));
        return builder;
    }
}
