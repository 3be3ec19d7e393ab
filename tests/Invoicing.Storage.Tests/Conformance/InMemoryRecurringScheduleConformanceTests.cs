using Invoicing.Core;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>The recurring schedule suite against the in-memory stores.</summary>
public sealed class InMemoryRecurringScheduleConformanceTests : RecurringScheduleConformanceTests
{
    private (IInvoiceStore, IRecurringScheduleStore)? _pair;

    protected override Task<(IInvoiceStore Invoices, IRecurringScheduleStore Schedules)> CreateAsync()
    {
        var invoices = InvoiceStores.CreateInMemory();
        _pair = (invoices, RecurringScheduleStores.CreateInMemory(invoices));
        return Task.FromResult(_pair.Value);
    }

    /// <summary>In memory, another instance is the same objects: there is no other process to share them with.</summary>
    protected override Task<(IInvoiceStore Invoices, IRecurringScheduleStore Schedules)> OpenAgainAsync() => Task.FromResult(_pair!.Value);

    [Fact]
    public void CreateInMemory_DatabaseInvoiceStore_RefusedSayingWhy()
    {
        using var database = new Sqlite.SqliteTestDatabase();

        var error = Assert.Throws<ArgumentException>(() => RecurringScheduleStores.CreateInMemory(Invoicing.Storage.Sqlite.SqliteInvoiceStores.Open(database.ConnectionString)));

        Assert.Contains("in-memory invoice store", error.Message, StringComparison.Ordinal);
    }
}
