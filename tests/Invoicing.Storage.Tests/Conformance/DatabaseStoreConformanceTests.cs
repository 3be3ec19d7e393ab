using Invoicing.Core;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>
/// What a store backed by a database must show on top of <see cref="StoreConformanceTests"/>: when the database cannot
/// be reached, every operation fails with <see cref="InvoiceStoreException"/> naming the operation, never a driver
/// exception, and a database that comes back holds what it held.
/// </summary>
public abstract class DatabaseStoreConformanceTests : StoreConformanceTests
{
    /// <summary>Creates a store whose database cannot be reached (nothing listening, no such file, not a database).</summary>
    protected abstract Task<IInvoiceStore> CreateUnreachableStoreAsync();

    [Fact]
    public async Task Operations_DatabaseUnreachable_InvoiceStoreExceptionNamingTheOperation()
    {
        var store = await CreateUnreachableStoreAsync();
        try
        {
            var issue = await Assert.ThrowsAsync<InvoiceStoreException>(() => store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft())));
            var get = await Assert.ThrowsAsync<InvoiceStoreException>(() => store.GetAsync("F2026-00001"));
            var pay = await Assert.ThrowsAsync<InvoiceStoreException>(() => store.RecordPaymentAsync(StoreFixtures.Payment("F2026-00001", 1m)));
            var query = await Assert.ThrowsAsync<InvoiceStoreException>(async () => await ToListAsync(store.QueryAsync(InvoiceQuery.All)));
            var verify = await Assert.ThrowsAsync<InvoiceStoreException>(() => store.VerifyArchiveAsync());

            Assert.Equal("IssueAsync", issue.Operation);
            Assert.Equal("GetAsync", get.Operation);
            Assert.Equal("RecordPaymentAsync", pay.Operation);
            Assert.Equal("QueryAsync", query.Operation);
            Assert.Equal("VerifyArchiveAsync", verify.Operation);
        }
        finally
        {
            await ReleaseStoreAsync(store);
        }
    }
}
