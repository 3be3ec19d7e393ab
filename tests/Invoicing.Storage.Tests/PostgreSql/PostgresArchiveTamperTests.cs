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

    /// <summary>Every column of an issued row and of its account, changed alone, by someone who disabled the triggers.</summary>
    [Theory]
    [InlineData("UPDATE issued SET counter_key = 'invoices' WHERE number = 'F2026-00003'", "counter_key")]
    [InlineData("UPDATE issued SET counter_key = 'invoices/2025' WHERE number = 'F2026-00003'", "counter_key")]
    [InlineData("UPDATE issued SET series_id = 'credit-notes' WHERE number = 'F2026-00003'", "issued.series_id")]
    [InlineData("UPDATE issued SET sequence = 30 WHERE number = 'F2026-00003'", "issued.sequence")]
    [InlineData("UPDATE issued SET is_credit_note = true WHERE number = 'F2026-00003'", "issued.is_credit_note")]
    [InlineData("UPDATE issued SET customer_key = '552100554' WHERE number = 'F2026-00003'", "issued.customer_key")]
    [InlineData("UPDATE issued SET currency = 'USD' WHERE number = 'F2026-00003'", "issued.currency")]
    [InlineData("UPDATE issued SET issue_date = '2026-11-01' WHERE number = 'F2026-00003'", "issued.issue_date")]
    [InlineData("UPDATE issued SET due_date = '2027-06-30' WHERE number = 'F2026-00003'", "issued.due_date")]
    [InlineData("UPDATE issued SET amount_due = 1 WHERE number = 'F2026-00003'", "issued.amount_due")]
    [InlineData("UPDATE issued SET issued_at = issued_at + interval '1 hour' WHERE number = 'F2026-00003'", "issued.issued_at")]
    [InlineData("UPDATE issued SET previous_hash = repeat('f', 64) WHERE number = 'F2026-00003'", "issued.previous_hash")]
    [InlineData("UPDATE issued SET hash = repeat('f', 64) WHERE number = 'F2026-00003'", "issued.hash")]
    [InlineData("UPDATE accounts SET customer_key = '552100554' WHERE number = 'F2026-00003'", "accounts.customer_key")]
    [InlineData("UPDATE accounts SET issue_date = '2026-01-01' WHERE number = 'F2026-00003'", "accounts.issue_date")]
    [InlineData("UPDATE accounts SET due_date = '2027-06-30' WHERE number = 'F2026-00003'", "accounts.due_date")]
    [InlineData("UPDATE accounts SET is_credit_note = true WHERE number = 'F2026-00003'", "accounts.is_credit_note")]
    [InlineData("UPDATE accounts SET amount_due = 1 WHERE number = 'F2026-00003'", "accounts.amount_due")]
    [InlineData("UPDATE accounts SET paid = amount_due WHERE number = 'F2026-00003'", "accounts.paid")]
    [InlineData("UPDATE accounts SET credited = amount_due WHERE number = 'F2026-00003'", "accounts.credited")]
    [InlineData("UPDATE accounts SET written_off = amount_due WHERE number = 'F2026-00003'", "accounts.written_off")]
    [InlineData("UPDATE accounts SET write_off = '{\"date\":\"2027-01-01\",\"amount\":1,\"reason\":\"x\"}' WHERE number = 'F2026-00003'", "accounts.written_off")]
    [InlineData("DELETE FROM accounts WHERE number = 'F2026-00003'", "account row is missing")]
    public async Task VerifyArchiveAsync_OneColumnOfARowChanged_ReportsTheRowAndTheColumn(string sql, string column)
    {
        await TamperAsync(sql);

        var verification = await _store.VerifyArchiveAsync();

        Assert.False(verification.IsIntact);
        Assert.Equal("F2026-00003", verification.FirstBrokenNumber);
        Assert.Contains(column, verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyArchiveAsync_NumberColumnChanged_ReportsTheRowByItsColumnAndTheSealedNumber()
    {
        await TamperAsync("ALTER TABLE accounts DROP CONSTRAINT accounts_number_fkey; UPDATE issued SET number = 'F2026-00099' WHERE number = 'F2026-00003'");

        var verification = await _store.VerifyArchiveAsync();

        Assert.Equal("F2026-00099", verification.FirstBrokenNumber);
        Assert.Contains("issued.number column holds 'F2026-00099' but its sealed record says 'F2026-00003'", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyArchiveAsync_PositionMovedToTheEnd_ReportsTheGap()
    {
        await TamperAsync("UPDATE issued SET position = 30 WHERE number = 'F2026-00003'");

        var verification = await _store.VerifyArchiveAsync();

        Assert.Equal("F2026-00004", verification.FirstBrokenNumber);
        Assert.Contains("position 4 is not 3", verification.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE counters SET last_sequence = 7", "records sequence 7")]
    [InlineData("UPDATE counters SET last_issue_date = '2026-12-31'", "of 2026-12-31")]
    [InlineData("DELETE FROM counters", "is missing")]
    [InlineData("UPDATE counters SET series_id = 'credit-notes'", "counters.series_id")]
    [InlineData("UPDATE chain_head SET hash = repeat('e', 64)", "chain head")]
    public async Task VerifyArchiveAsync_CounterOrChainHeadChanged_Reported(string sql, string reason)
    {
        await TamperAsync(sql);

        var verification = await _store.VerifyArchiveAsync();

        Assert.False(verification.IsIntact);
        Assert.Contains(reason, verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueAsync_Format1DocumentAppendedByAnEarlierVersion_RefusedByTheDatabase()
    {
        var legacy = Archive.LegacyArchive.Seal(StoreFixtures.Request(StoreFixtures.Draft()), 5, new string('a', 64));
        var sql = $"""
            INSERT INTO issued (position, number, series_id, counter_key, sequence, is_credit_note, customer_key, currency, issue_date, due_date, amount_due, issued_at, previous_hash, hash, document)
            VALUES (5, 'F2026-00005', 'invoices', 'invoices/2026', 5, false, '987654324', 'EUR', '2026-11-02', '2026-12-02', 149.96, now(), '{legacy.PreviousHash}', '{legacy.Hash}', '{Archive.LegacyArchive.Json(legacy).Replace("'", "''", StringComparison.Ordinal)}')
            """;

        var error = await Assert.ThrowsAsync<PostgresException>(() => PostgresTestDatabase.ExecuteAsync(_schema, sql));

        Assert.Contains("format 2", error.MessageText, StringComparison.Ordinal);
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
