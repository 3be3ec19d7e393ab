using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Invoicing.Storage.Tests.Sqlite;

/// <summary>Someone with the database file and the sqlite3 shell tries to change the archive.</summary>
public sealed class SqliteArchiveTamperTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public async Task InitializeAsync()
    {
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);
        for (var i = 0; i < 5; i++)
        {
            await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        }

        await ((IAsyncDisposable)store).DisposeAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("UPDATE issued_documents SET document_json = replace(document_json, 'Suspension', 'Lampe') WHERE number = 'F2026-00002'")]
    [InlineData("UPDATE issued_documents SET number = 'F2026-00099' WHERE number = 'F2026-00002'")]
    [InlineData("DELETE FROM issued_documents WHERE number = 'F2026-00005'")]
    [InlineData("DELETE FROM issued_documents")]
    public async Task RawSql_ChangingAnIssuedRow_RefusedByTheDatabase(string sql)
    {
        using (var connection = _database.OpenRaw())
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;

            var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

            Assert.Contains("immutable", error.Message, StringComparison.Ordinal);
        }

        var result = await SqliteArchive.VerifyAsync(_database.Path);
        Assert.True(result.IsIntact, result.Reason);
        Assert.Equal(5, result.DocumentsChecked);
    }

    /// <summary>Every column of an issued row and of its account, changed alone, by someone who dropped the triggers.</summary>
    [Theory]
    [InlineData("UPDATE issued_documents SET counter_key = 'invoices' WHERE number = 'F2026-00003'", "counter_key")]
    [InlineData("UPDATE issued_documents SET counter_key = 'invoices/2025' WHERE number = 'F2026-00003'", "counter_key")]
    [InlineData("UPDATE issued_documents SET series_id = 'credit-notes' WHERE number = 'F2026-00003'", "issued_documents.series_id")]
    [InlineData("UPDATE issued_documents SET sequence = 30 WHERE number = 'F2026-00003'", "issued_documents.sequence")]
    [InlineData("UPDATE issued_documents SET type_code = 381 WHERE number = 'F2026-00003'", "issued_documents.type_code")]
    [InlineData("UPDATE issued_documents SET issue_date = '2026-11-01' WHERE number = 'F2026-00003'", "issued_documents.issue_date")]
    [InlineData("UPDATE issued_documents SET issued_at = '2026-11-02T10:00:00Z' WHERE number = 'F2026-00003'", "issued_documents.issued_at")]
    [InlineData("UPDATE issued_documents SET previous_hash = 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' WHERE number = 'F2026-00003'", "issued_documents.previous_hash")]
    [InlineData("UPDATE issued_documents SET hash = 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' WHERE number = 'F2026-00003'", "issued_documents.hash")]
    [InlineData("UPDATE accounts SET is_credit_note = 1 WHERE number = 'F2026-00003'", "accounts.is_credit_note")]
    [InlineData("UPDATE accounts SET customer_key = '552100554' WHERE number = 'F2026-00003'", "accounts.customer_key")]
    [InlineData("UPDATE accounts SET issue_date = '2026-01-01' WHERE number = 'F2026-00003'", "accounts.issue_date")]
    [InlineData("UPDATE accounts SET due_date = '2027-06-30' WHERE number = 'F2026-00003'", "accounts.due_date")]
    [InlineData("UPDATE accounts SET currency = 'USD' WHERE number = 'F2026-00003'", "accounts.currency")]
    [InlineData("UPDATE accounts SET amount_due = '1.00' WHERE number = 'F2026-00003'", "accounts.amount_due")]
    [InlineData("UPDATE accounts SET balance = '0' WHERE number = 'F2026-00003'", "accounts.balance")]
    [InlineData("UPDATE accounts SET is_open = 0 WHERE number = 'F2026-00003'", "accounts.is_open")]
    [InlineData("UPDATE accounts SET write_off_json = '{\"date\":\"2027-01-01\",\"amount\":1,\"reason\":\"x\"}' WHERE number = 'F2026-00003'", "accounts.balance")]
    [InlineData("DELETE FROM accounts WHERE number = 'F2026-00003'", "account row is missing")]
    public async Task VerifyAsync_OneColumnOfARowChanged_ReportsTheRowAndTheColumn(string sql, string column)
    {
        Tamper(sql);

        var result = await SqliteArchive.VerifyAsync(_database.Path);

        Assert.False(result.IsIntact);
        Assert.Equal("F2026-00003", result.FirstBrokenNumber);
        Assert.Contains(column, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_NumberColumnChanged_ReportsTheRowByItsColumnAndTheSealedNumber()
    {
        Tamper("UPDATE issued_documents SET number = 'F2026-00099' WHERE number = 'F2026-00003'");

        var result = await SqliteArchive.VerifyAsync(_database.Path);

        Assert.Equal("F2026-00099", result.FirstBrokenNumber);
        Assert.Contains("issued_documents.number column holds 'F2026-00099' but its sealed record says 'F2026-00003'", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE counters SET last_sequence = 7", "records sequence 7")]
    [InlineData("UPDATE counters SET last_sequence = 4", "records sequence 4")]
    [InlineData("UPDATE counters SET last_issue_date = '2026-12-31'", "of 2026-12-31")]
    [InlineData("DELETE FROM counters", "is missing")]
    [InlineData("INSERT INTO counters (counter_key, last_sequence, last_issue_date) VALUES ('credit-notes/2026', 2, '2026-11-02')", "holds no document of that counter")]
    public async Task VerifyAsync_CounterRowChanged_ReportsTheCounter(string sql, string reason)
    {
        Tamper(sql);

        var result = await SqliteArchive.VerifyAsync(_database.Path);

        Assert.False(result.IsIntact);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_PositionMovedToTheEnd_ReportsTheDocumentThatLostItsPredecessor()
    {
        Tamper("UPDATE issued_documents SET position = 100 WHERE number = 'F2026-00002'");

        var result = await SqliteArchive.VerifyAsync(_database.Path);

        Assert.Equal("F2026-00003", result.FirstBrokenNumber);
        Assert.Contains("previous hash", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_IntactArchiveWithPaymentsAndACredit_Intact()
    {
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);
        await store.RecordPaymentAsync(StoreFixtures.Payment("F2026-00001", 49.96m));
        var original = (await store.GetAsync("F2026-00002"))!;
        await store.IssueAsync(StoreFixtures.Request(CreditNotes.Full(original, original.Document.IssueDate)));
        await ((IAsyncDisposable)store).DisposeAsync();

        var result = await SqliteArchive.VerifyAsync(_database.Path);

        Assert.True(result.IsIntact, result.Reason);
        Assert.Equal(6, result.DocumentsChecked);
    }

    [Fact]
    public async Task IssueAsync_Format1DocumentAppendedByAnEarlierVersion_RefusedByTheDatabase()
    {
        var legacy = Archive.LegacyArchive.Seal(StoreFixtures.Request(StoreFixtures.Draft()), 6, new string('a', 64));
        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO issued_documents (number, series_id, counter_key, sequence, type_code, issue_date, issued_at, previous_hash, hash, document_json) VALUES ('F2026-00006', 'invoices', 'invoices/2026', 6, 380, '2026-11-02', '2026-11-02T09:00:00Z', $previous, $hash, $json)";
        command.Parameters.AddWithValue("$previous", legacy.PreviousHash);
        command.Parameters.AddWithValue("$hash", legacy.Hash);
        command.Parameters.AddWithValue("$json", Archive.LegacyArchive.Json(legacy));

        var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.Contains("format 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyArchiveAsync_DocumentAlteredWithTriggersDropped_ReportsItsNumber()
    {
        Tamper("UPDATE issued_documents SET document_json = replace(document_json, 'Suspension', 'Lampe') WHERE number = 'F2026-00003'");

        var result = await SqliteArchive.VerifyAsync(_database.Path);

        Assert.False(result.IsIntact);
        Assert.Equal("F2026-00003", result.FirstBrokenNumber);
        Assert.Contains("altered", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyArchiveAsync_AmountAlteredThroughTheStore_ReportsItsNumber()
    {
        Tamper("UPDATE issued_documents SET document_json = replace(document_json, '\"netPrice\":100', '\"netPrice\":10') WHERE number = 'F2026-00004'");
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);

        var result = await store.VerifyArchiveAsync();
        await ((IAsyncDisposable)store).DisposeAsync();

        Assert.Equal("F2026-00004", result.FirstBrokenNumber);
    }

    [Fact]
    public async Task VerifyArchiveAsync_MiddleDocumentDeletedWithTriggersDropped_ReportsTheNextNumber()
    {
        Tamper("DELETE FROM issued_documents WHERE number = 'F2026-00002'");

        var result = await SqliteArchive.VerifyAsync(_database.Path);

        Assert.Equal("F2026-00003", result.FirstBrokenNumber);
    }

    [Fact]
    public async Task VerifyArchiveAsync_HashColumnRewritten_ReportsItsNumber()
    {
        Tamper("UPDATE issued_documents SET hash = '" + new string('f', 64) + "' WHERE number = 'F2026-00001'");

        var result = await SqliteArchive.VerifyAsync(_database.Path);

        Assert.Equal("F2026-00001", result.FirstBrokenNumber);
    }

    [Fact]
    public async Task VerifyArchiveAsync_StoredDocumentNotJson_ReportsItsNumber()
    {
        Tamper("UPDATE issued_documents SET document_json = 'garbage' WHERE number = 'F2026-00005'");

        var result = await SqliteArchive.VerifyAsync(_database.Path);

        Assert.Equal("F2026-00005", result.FirstBrokenNumber);
        Assert.Contains("cannot be read", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_MissingFile_InvoiceStoreExceptionAndNoFileCreated()
    {
        var missing = Path.Combine(_database.Folder, "nothing.db");

        await Assert.ThrowsAsync<InvoiceStoreException>(() => SqliteArchive.VerifyAsync(missing));

        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task VerifyAsync_FileThatIsNotADatabase_InvoiceStoreException()
    {
        var text = Path.Combine(_database.Folder, "notes.db");
        await File.WriteAllTextAsync(text, "these are not the invoices you are looking for, but they are long enough to look like a page");

        var error = await Assert.ThrowsAsync<InvoiceStoreException>(() => SqliteArchive.VerifyAsync(text));

        Assert.Equal("VerifyArchiveAsync", error.Operation);
    }

    [Fact]
    public async Task VerifyAsync_EmptySqliteFileWithoutOurSchema_InvoiceStoreException()
    {
        var other = Path.Combine(_database.Folder, "other.db");
        using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t (x)";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<InvoiceStoreException>(() => SqliteArchive.VerifyAsync(other));

        Assert.Contains("not an invoicing database", error.Message, StringComparison.Ordinal);
    }

    private void Tamper(string sql)
    {
        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = OFF; DROP TRIGGER issued_documents_no_update; DROP TRIGGER issued_documents_no_delete; " + sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
