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
