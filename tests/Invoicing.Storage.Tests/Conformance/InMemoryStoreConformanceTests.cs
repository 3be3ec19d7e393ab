using Invoicing.Core;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>The conformance suite against the in-memory store.</summary>
public sealed class InMemoryStoreConformanceTests : StoreConformanceTests
{
    protected override Task<IInvoiceStore> CreateStoreAsync() => Task.FromResult(InvoiceStores.CreateInMemory());

    protected override IReminderJournal JournalOf(IInvoiceStore store) => InMemoryReminders.CreateJournal(store);

    protected override IDunningSettingsStore SettingsOf(IInvoiceStore store) => InMemoryReminders.CreateSettingsStore(store);
}
