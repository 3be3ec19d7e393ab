namespace Invoicing.Core;

/// <summary>Creates the stores that ship with Core.</summary>
public static class InvoiceStores
{
    /// <summary>
    /// A store kept in memory, for tests, samples and short-lived hosts. It is safe to use from many threads and
    /// applies the same rules as the database stores, and is also an <see cref="IInvoiceEventStore"/> (its outbox).
    /// Dispose it (it is <see cref="IAsyncDisposable"/>) to refuse further use.
    /// </summary>
    /// <param name="clock">Dates the events of payments and write-offs; the system clock when null.</param>
    public static IInvoiceStore CreateInMemory(NodaTime.IClock? clock = null) =>
        new InMemoryInvoiceStore(new InMemoryNumberAllocator(), clock ?? new TimeProviderClock(TimeProvider.System));
}
