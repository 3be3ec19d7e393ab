namespace Invoicing.Core;

/// <summary>Creates the schedule stores that ship with Core.</summary>
public static class RecurringScheduleStores
{
    /// <summary>
    /// A schedule store kept in memory, beside the in-memory invoice store <paramref name="invoiceStore"/> (made by
    /// <see cref="InvoiceStores.CreateInMemory"/>), where it saves the occurrence drafts. Thread-safe; nothing survives the process.
    /// </summary>
    /// <exception cref="ArgumentException">The invoice store is not the in-memory store: a database store has its own schedule store.</exception>
    public static IRecurringScheduleStore CreateInMemory(IInvoiceStore invoiceStore) =>
        invoiceStore is InMemoryInvoiceStore inMemory
            ? new InMemoryRecurringScheduleStore(inMemory)
            : throw new ArgumentException("The in-memory schedule store keeps its drafts in the in-memory invoice store; a SQLite or PostgreSQL store comes with its own schedule store.", nameof(invoiceStore));
}
