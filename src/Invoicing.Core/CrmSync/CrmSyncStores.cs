namespace Invoicing.Core;

/// <summary>Creates the sync ledgers that ship with Core.</summary>
public static class CrmSyncStores
{
    /// <summary>
    /// A sync ledger kept in memory, beside the in-memory invoice store <paramref name="invoiceStore"/> (made by
    /// <see cref="InvoiceStores.CreateInMemory"/>), where it saves the drafts. Thread-safe; nothing survives the process.
    /// </summary>
    /// <exception cref="ArgumentException">The invoice store is not the in-memory store: a database store has its own ledger.</exception>
    public static ICrmSyncStore CreateInMemory(IInvoiceStore invoiceStore) =>
        invoiceStore is InMemoryInvoiceStore inMemory
            ? new InMemoryCrmSyncStore(inMemory)
            : throw new ArgumentException("The in-memory sync ledger keeps its drafts in the in-memory invoice store; a SQLite or PostgreSQL store comes with its own ledger.", nameof(invoiceStore));
}
