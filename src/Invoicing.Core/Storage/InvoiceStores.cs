namespace Invoicing.Core;

/// <summary>Creates the stores that ship with Core.</summary>
public static class InvoiceStores
{
    /// <summary>
    /// A store kept in memory, for tests, samples and short-lived hosts. It is safe to use from many threads and
    /// applies the same rules as the database stores. Dispose it (it is <see cref="IAsyncDisposable"/>) to refuse
    /// further use.
    /// </summary>
    public static IInvoiceStore CreateInMemory() => new InMemoryInvoiceStore(new InMemoryNumberAllocator());
}
