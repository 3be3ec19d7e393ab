using Invoicing.Core;
using Npgsql;

namespace Invoicing.Storage.Tests.PostgreSql;

/// <summary>Issued rows are immutable in the database itself, and an alteration made around the triggers is found by number.</summary>
public sealed class PostgresArchiveTamperTests : IAsyncLifetime
{
    private readonly string _schema = PostgresTestDatabase.NewSchema();
    private Invoicing.Storage.PostgreSql.PostgreSqlInvoiceStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = PostgresTestDatabase.CreateStore(_schema);
        for (var i = 0; i < 4; i++)
        {
            await _store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(customer: i % 2 == 0 ? "987654324" : "552100554")));
        }
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await PostgresTestDatabase.DropSchemaAsync(_schema);
    }

    [Theory]
    [InlineData("UPDATE issued SET amount_due = 1 WHERE number = 'F2026-00002'", "UPDATE")]
    [InlineData("UPDATE issued SET document = replace(document, 'Suspension', 'Lampe')", "UPDATE")]
    [InlineData("DELETE FROM issued WHERE number = 'F2026-00004'", "DELETE")]
    [InlineData("TRUNCATE issued CASCADE", "TRUNCATE")]
    public async Task RawSql_ChangingAnIssuedRow_RefusedByTheDatabaseAndArchiveIntact(string sql, string operation)
    {
        var before = await ToListAsync(_store.QueryAsync(InvoiceQuery.All));

        var error = await Assert.ThrowsAsync<PostgresException>(() => PostgresTestDatabase.ExecuteAsync(_schema, sql));

        Assert.Equal("P0001", error.SqlState);
        Assert.Contains("immutable", error.MessageText, StringComparison.Ordinal);
        Assert.Contains(operation, error.MessageText, StringComparison.Ordinal);
        Assert.Equal(before, await ToListAsync(_store.QueryAsync(InvoiceQuery.All)));
        var verification = await _store.VerifyArchiveAsync();
        Assert.True(verification.IsIntact, verification.Reason);
        Assert.Equal(4, verification.DocumentsChecked);
    }

    [Fact]
    public async Task VerifyArchiveAsync_DocumentAlteredWithTriggersDisabled_ReportsItsNumber()
    {
        await TamperAsync("UPDATE issued SET document = replace(document, 'Client 552100554', 'Client 000000000') WHERE number = 'F2026-00002'");

        var verification = await _store.VerifyArchiveAsync();

        Assert.False(verification.IsIntact);
        Assert.Equal("F2026-00002", verification.FirstBrokenNumber);
        Assert.Contains("altered", verification.Reason, StringComparison.Ordinal);
        Assert.Equal(2, verification.DocumentsChecked);
    }

    [Fact]
    public async Task VerifyArchiveAsync_QueryColumnAlteredWithTriggersDisabled_ReportsItsNumber()
    {
        await TamperAsync("UPDATE issued SET amount_due = 0.01 WHERE number = 'F2026-00003'");

        var verification = await _store.VerifyArchiveAsync();

        Assert.Equal("F2026-00003", verification.FirstBrokenNumber);
        Assert.Contains("issued.amount_due column", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyArchiveAsync_MiddleDocumentDeletedWithTriggersDisabled_ReportsTheNextNumber()
    {
        await TamperAsync("DELETE FROM accounts WHERE number = 'F2026-00002'; DELETE FROM issued WHERE number = 'F2026-00002'");

        var verification = await _store.VerifyArchiveAsync();

        Assert.Equal("F2026-00003", verification.FirstBrokenNumber);
        Assert.Contains("was removed", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyArchiveAsync_LastDocumentDeletedWithTriggersDisabled_ReportedAgainstTheChainHead()
    {
        await TamperAsync("DELETE FROM accounts WHERE number = 'F2026-00004'; DELETE FROM issued WHERE number = 'F2026-00004'");

        var verification = await _store.VerifyArchiveAsync();

        Assert.False(verification.IsIntact);
        Assert.Equal("F2026-00003", verification.FirstBrokenNumber);
        Assert.Contains("chain head records 4", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyArchiveAsync_StoredDocumentNotJson_ReportsItsNumber()
    {
        await TamperAsync("UPDATE issued SET document = '{not json' WHERE number = 'F2026-00001'");

        var verification = await _store.VerifyArchiveAsync();

        Assert.Equal("F2026-00001", verification.FirstBrokenNumber);
        Assert.Contains("cannot be read", verification.Reason, StringComparison.Ordinal);
    }

    /// <summary>What someone with the owner's rights can do: switch the triggers off, change rows, switch them on.</summary>
    private Task TamperAsync(string sql) => PostgresTestDatabase.ExecuteAsync(
        _schema,
        $"BEGIN; ALTER TABLE issued DISABLE TRIGGER USER; {sql}; ALTER TABLE issued ENABLE TRIGGER USER; COMMIT;");

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
