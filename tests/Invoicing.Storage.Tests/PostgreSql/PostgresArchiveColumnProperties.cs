using FsCheck.Xunit;
using Invoicing.Core;

namespace Invoicing.Storage.Tests.PostgreSql;

/// <summary>Any single column of any issued row or account, changed by someone who disabled the triggers, breaks the verification.</summary>
public sealed class PostgresArchiveColumnProperties
{
    private const int Documents = 4;

    /// <summary>The stored columns of accounts (is_open is generated from them).</summary>
    private const string AccountColumns = "number, customer_key, issue_date, due_date, is_credit_note, amount_due, paid, credited, payments, credits";

    /// <summary>Each column of the two tables with a change that always alters its value (and keeps the row storable).</summary>
    private static readonly (string Table, string Column, string Change)[] Columns =
    [
        ("issued", "number", "number || 'x'"),
        ("issued", "series_id", "series_id || 'x'"),
        ("issued", "counter_key", "counter_key || 'x'"),
        ("issued", "sequence", "sequence + 1000"),
        ("issued", "is_credit_note", "NOT is_credit_note"),
        ("issued", "customer_key", "customer_key || 'x'"),
        ("issued", "currency", "CASE currency WHEN 'EUR' THEN 'USD' ELSE 'EUR' END"),
        ("issued", "issue_date", "issue_date + 1"),
        ("issued", "due_date", "due_date + 1"),
        ("issued", "amount_due", "amount_due + 0.01"),
        ("issued", "issued_at", "issued_at + interval '1 millisecond'"),
        ("issued", "previous_hash", "translate(previous_hash, '0123456789abcdef', '123456789abcdef0')"),
        ("issued", "hash", "translate(hash, '0123456789abcdef', '123456789abcdef0')"),
        ("issued", "document", "replace(document, 'Livre', 'Livrf')"),
        ("issued", "position", "position + 1000"),
        ("accounts", "customer_key", "customer_key || 'x'"),
        ("accounts", "issue_date", "issue_date - 1"),
        ("accounts", "due_date", "due_date + 1"),
        ("accounts", "is_credit_note", "NOT is_credit_note"),
        ("accounts", "amount_due", "amount_due + 0.01"),
        ("accounts", "paid", "paid + 0.01"),
        ("accounts", "credited", "credited + 0.01"),
        ("accounts", "payments", "replace(payments, ']', ',{}]')"),
        ("accounts", "credits", "replace(credits, ']', ',{}]')"),
    ];

    [Property(MaxTest = 15)]
    public void VerifyArchiveAsync_AnySingleColumnOfAnyRowChanged_NotIntact(int rowSeed, int columnSeed)
    {
        var schema = PostgresTestDatabase.NewSchema();
        try
        {
            using var store = PrepareAsync(schema).GetAwaiter().GetResult();
            AssertDetectedAsync(store, schema, 1 + Math.Abs(rowSeed % Documents), Columns[Math.Abs(columnSeed % Columns.Length)]).GetAwaiter().GetResult();
        }
        finally
        {
            PostgresTestDatabase.DropSchemaAsync(schema).GetAwaiter().GetResult();
        }
    }

    [Fact]
    public async Task VerifyArchiveAsync_EveryColumnOfEveryRowChangedInTurn_NotIntact()
    {
        var schema = PostgresTestDatabase.NewSchema();
        try
        {
            await using var store = await PrepareAsync(schema);
            await PostgresTestDatabase.ExecuteAsync(schema, "CREATE TABLE saved_issued AS SELECT * FROM issued; CREATE TABLE saved_accounts AS SELECT * FROM accounts");
            for (var position = 1; position <= Documents; position++)
            {
                foreach (var column in Columns)
                {
                    await AssertDetectedAsync(store, schema, position, column);
                    await PostgresTestDatabase.ExecuteAsync(
                        schema,
                        "SET session_replication_role = replica; DELETE FROM accounts; DELETE FROM issued; INSERT INTO issued SELECT * FROM saved_issued; INSERT INTO accounts (" + AccountColumns + ") SELECT " + AccountColumns + " FROM saved_accounts");
                }
            }

            Assert.True((await store.VerifyArchiveAsync()).IsIntact);
        }
        finally
        {
            await PostgresTestDatabase.DropSchemaAsync(schema);
        }
    }

    /// <summary>A schema with invoices, a payment, a credit note and a document of the next year.</summary>
    private static async Task<Invoicing.Storage.PostgreSql.PostgreSqlInvoiceStore> PrepareAsync(string schema)
    {
        var store = PostgresTestDatabase.CreateStore(schema);
        var first = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        await store.RecordPaymentAsync(StoreFixtures.Payment(first.Number, 49.96m));
        var second = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(customer: "552100554")));
        await store.IssueAsync(StoreFixtures.Request(CreditNotes.Full(second, second.Document.IssueDate)));
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(new NodaTime.LocalDate(2027, 1, 4))));
        Assert.True((await store.VerifyArchiveAsync()).IsIntact);
        return store;
    }

    /// <summary>Changes one column of one row as a superuser would (every trigger and foreign key off), then verifies.</summary>
    private static async Task AssertDetectedAsync(IInvoiceStore store, string schema, int position, (string Table, string Column, string Change) target)
    {
        var (table, column, change) = target;
        var where = table == "issued" ? $"position = {position}" : $"number = (SELECT number FROM issued WHERE position = {position})";
        var changed = await PostgresTestDatabase.ExecuteAsync(schema, $"SET session_replication_role = replica; UPDATE {table} SET {column} = {change} WHERE {where}");

        var result = await store.VerifyArchiveAsync();

        Assert.Equal(1, changed);
        Assert.False(result.IsIntact, $"{table}.{column} of document {position} changed, yet the archive verifies");
    }
}
