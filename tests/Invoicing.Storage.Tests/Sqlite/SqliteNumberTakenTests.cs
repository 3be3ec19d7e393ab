using Invoicing.Core;
using Invoicing.Storage.Sqlite;

namespace Invoicing.Storage.Tests.Sqlite;

/// <summary>
/// A number already in the file is told apart from the other constraint failures by SQLite's result codes and by
/// reading the file, never by the text of SQLite's message.
/// </summary>
public sealed class SqliteNumberTakenTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private IInvoiceStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteInvoiceStores.Open(_database.ConnectionString);
        await ((SqliteInvoiceStore)_store).MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncDisposable)_store).DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task IssueAsync_NumberHeldByARowWrittenByHand_RefusedAsNumberTaken()
    {
        InsertIssuedRow(number: "F2026-00001", counterKey: "by-hand", sequence: 1);

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => _store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft())));

        Assert.Contains(error.Issues, i => i.RuleId == "INV-ISSUE-NUMBER-TAKEN" && i.Path == "series.pattern");
        Assert.Equal(1L, Count("SELECT count(*) FROM issued_documents"));
        Assert.Equal(0L, Count("SELECT count(*) FROM accounts"));
    }

    [Fact]
    public async Task IssueAsync_CounterAndSequenceTakenUnderAnotherNumber_NotReportedAsNumberTaken()
    {
        var request = StoreFixtures.Request(StoreFixtures.Draft());
        InsertIssuedRow(number: "OTHER-1", counterKey: request.Series.CounterKey(request.Document.IssueDate), sequence: 1);

        var error = await Assert.ThrowsAsync<InvoiceStoreException>(() => _store.IssueAsync(request));

        Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(error.InnerException);
        Assert.Equal(1L, Count("SELECT count(*) FROM issued_documents"));
    }

    [Fact]
    public async Task IssueAsync_ConstraintFailureWhoseMessageNamesTheNumberColumn_NotReportedAsNumberTaken()
    {
        // A trigger's refusal is a constraint failure too (SQLITE_CONSTRAINT_TRIGGER); its text names the number column.
        Execute("CREATE TRIGGER refuse_accounts BEFORE INSERT ON accounts BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: issued_documents.number'); END");

        var error = await Assert.ThrowsAsync<InvoiceStoreException>(() => _store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft())));

        Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(error.InnerException);
        Assert.Equal(0L, Count("SELECT count(*) FROM issued_documents"));
    }

    private void InsertIssuedRow(string number, string counterKey, long sequence) => Execute(
        "INSERT INTO issued_documents (number, series_id, counter_key, sequence, type_code, issue_date, issued_at, previous_hash, hash, document_json) " +
        $"VALUES ('{number}', 'by-hand', '{counterKey}', {sequence}, 380, '2026-11-01', '2026-11-01T09:00:00Z', '{new string('0', 64)}', '{new string('b', 64)}', '{{\"hashFormat\":2}}')");

    private void Execute(string sql)
    {
        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Count(string sql)
    {
        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
