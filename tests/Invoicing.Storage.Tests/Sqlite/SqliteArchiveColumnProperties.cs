using FsCheck.Xunit;
using Invoicing.Core;
using Invoicing.Storage.Sqlite;

namespace Invoicing.Storage.Tests.Sqlite;

/// <summary>Any single column of any issued row or account, changed by hand, breaks the archive verification.</summary>
public sealed class SqliteArchiveColumnProperties : IDisposable
{
    /// <summary>Each column of the two tables with a change that always alters its value (and keeps the row insertable).</summary>
    private static readonly (string Table, string Column, string Change)[] Columns =
    [
        ("issued_documents", "number", "number || 'x'"),
        ("issued_documents", "series_id", "series_id || 'x'"),
        ("issued_documents", "counter_key", "counter_key || 'x'"),
        ("issued_documents", "sequence", "sequence + 1000"),
        ("issued_documents", "type_code", "type_code + 1"),
        ("issued_documents", "issue_date", "date(issue_date, '+1 day')"),
        ("issued_documents", "issued_at", "replace(issued_at, 'Z', '.5Z')"),
        ("issued_documents", "previous_hash", "replace(previous_hash, substr(previous_hash, 1, 1), CASE substr(previous_hash, 1, 1) WHEN 'a' THEN 'b' ELSE 'a' END)"),
        ("issued_documents", "hash", "replace(hash, substr(hash, 1, 1), CASE substr(hash, 1, 1) WHEN 'a' THEN 'b' ELSE 'a' END)"),
        ("issued_documents", "document_json", "replace(document_json, 'Livre', 'Livrf')"),
        ("accounts", "number", "number || 'x'"),
        ("accounts", "is_credit_note", "1 - is_credit_note"),
        ("accounts", "customer_key", "customer_key || 'x'"),
        ("accounts", "issue_date", "date(issue_date, '-1 day')"),
        ("accounts", "due_date", "date(due_date, '+1 day')"),
        ("accounts", "currency", "CASE currency WHEN 'EUR' THEN 'USD' ELSE 'EUR' END"),
        ("accounts", "amount_due", "amount_due || '1'"),
        ("accounts", "balance", "balance || '1'"),
        ("accounts", "is_open", "1 - is_open"),
        ("accounts", "payments_json", "replace(payments_json, ']', ',{}]')"),
        ("accounts", "credits_json", "replace(credits_json, ']', ',{}]')"),
    ];

    private readonly SqliteTestDatabase _template = new();
    private readonly int _documents;

    public SqliteArchiveColumnProperties()
    {
        var store = SqliteInvoiceStores.Open(_template.ConnectionString);
        var first = store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft())).GetAwaiter().GetResult();
        store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(customer: "552100554"))).GetAwaiter().GetResult();
        store.RecordPaymentAsync(StoreFixtures.Payment(first.Number, 49.96m)).GetAwaiter().GetResult();
        var credited = store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(price: 10m))).GetAwaiter().GetResult();
        store.IssueAsync(StoreFixtures.Request(CreditNotes.Full(credited, credited.Document.IssueDate))).GetAwaiter().GetResult();
        store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new NodaTime.LocalDate(2027, 1, 4)))).GetAwaiter().GetResult();
        ((IDisposable)store).Dispose();
        _documents = 5;
    }

    public void Dispose() => _template.Dispose();

    [Property(MaxTest = 50)]
    public void VerifyAsync_AnySingleColumnOfAnyRowChanged_NotIntact(int rowSeed, int columnSeed) =>
        AssertDetected(1 + Math.Abs(rowSeed % _documents), Columns[Math.Abs(columnSeed % Columns.Length)]);

    [Fact]
    public void VerifyAsync_EveryColumnOfEveryRowChangedInTurn_NotIntact()
    {
        for (var position = 1; position <= _documents; position++)
        {
            foreach (var column in Columns)
            {
                AssertDetected(position, column);
            }
        }
    }

    private void AssertDetected(int position, (string Table, string Column, string Change) target)
    {
        var (table, column, change) = target;
        using var copy = new SqliteTestDatabase();
        File.Copy(_template.Path, copy.Path);
        var where = table == "issued_documents"
            ? $"position = {position}"
            : $"number = (SELECT number FROM issued_documents WHERE position = {position})";
        using (var connection = copy.OpenRaw())
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA foreign_keys = OFF; DROP TRIGGER issued_documents_no_update; UPDATE {table} SET {column} = {change} WHERE {where}; SELECT changes()";
            Assert.Equal(1L, (long)command.ExecuteScalar()!);
        }

        var result = SqliteArchive.VerifyAsync(copy.Path).GetAwaiter().GetResult();

        Assert.False(result.IsIntact, $"{table}.{column} of document {position} changed, yet the archive verifies");
    }

    [Fact]
    public async Task Template_Unchanged_Intact()
    {
        var result = await SqliteArchive.VerifyAsync(_template.Path);

        Assert.True(result.IsIntact, result.Reason);
        Assert.Equal(_documents, result.DocumentsChecked);
    }
}
