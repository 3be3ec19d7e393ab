namespace Invoicing.Core;

/// <summary>In-memory reminder journal and dunning settings: thread-safe, for tests, demos and single-process hosts.</summary>
public static class InMemoryReminders
{
    /// <summary>A new, empty, thread-safe journal.</summary>
    /// <param name="events">
    /// A store made by <see cref="InvoiceStores.CreateInMemory"/>: a reminder journaled as sent is recorded as a reminded
    /// event in its outbox. Null (or another store) records none.
    /// </param>
    public static IReminderJournal CreateJournal(IInvoiceStore? events = null) => new InMemoryReminderJournal(events as InMemoryInvoiceStore);

    /// <summary>A new, empty, thread-safe settings store.</summary>
    /// <param name="events">
    /// A store made by <see cref="InvoiceStores.CreateInMemory"/>: an invoice newly marked disputed is recorded as a
    /// disputed event in its outbox, dated by the store's clock. Null (or another store) records none.
    /// </param>
    public static IDunningSettingsStore CreateSettingsStore(IInvoiceStore? events = null) =>
        events is InMemoryInvoiceStore store ? new InMemoryDunningSettingsStore(store, store.Clock) : new InMemoryDunningSettingsStore();
}
