using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using Invoicing.Storage.Tests.Archive;
using Npgsql;

namespace Invoicing.Storage.Tests.PostgreSql;

/// <summary>
/// A schema written by the migrations and hash format before hash format 2 (format-1 hashes, JSON without counter key)
/// is upgraded: it still verifies, its counter keys become covered by the checkpoint, new issues (batched and classic) append.
/// </summary>
public sealed class PostgresArchiveUpgradeTests : IAsyncLifetime
{
    private const int LegacyDocuments = 4;

    private readonly string _schema = PostgresTestDatabase.NewSchema();

    public Task InitializeAsync() => WriteLegacyArchiveAsync(LegacyArchive.Chain(LegacyDocuments));

    public Task DisposeAsync() => PostgresTestDatabase.DropSchemaAsync(_schema);

    [Fact]
    public async Task Migrate_LegacySchema_SealedByACheckpointThatBecomesTheChainHead()
    {
        await using var store = PostgresTestDatabase.CreateStore(_schema);

        var verification = await store.VerifyArchiveAsync();

        Assert.True(verification.IsIntact, verification.Reason);
        Assert.Equal(LegacyDocuments, verification.DocumentsChecked);
        Assert.Equal(LegacyDocuments, Convert.ToInt64(await PostgresTestDatabase.ScalarAsync(_schema, "SELECT count(*) FROM archive_seals"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            await PostgresTestDatabase.ScalarAsync(_schema, "SELECT hash FROM archive_checkpoint"),
            await PostgresTestDatabase.ScalarAsync(_schema, "SELECT hash FROM chain_head"));
    }

    [Fact]
    public async Task IssueAsync_AfterTheUpgrade_BatchedAndClassicIssuesAppendAndVerify()
    {
        await using var store = PostgresTestDatabase.CreateStore(_schema);
        await store.VerifyArchiveAsync();
        var checkpointHash = (string)(await PostgresTestDatabase.ScalarAsync(_schema, "SELECT hash FROM archive_checkpoint"))!;

        var batched = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var original = (await store.GetAsync("F2026-00002"))!;
        var credit = await store.IssueAsync(StoreFixtures.Request(CreditNotes.Full(original, original.Document.IssueDate)));
        var verification = await store.VerifyArchiveAsync();

        Assert.Equal(checkpointHash, batched.PreviousHash);
        Assert.Equal(("F2026-00005", ArchiveHash.FormatMetadata, "invoices/2026"), (batched.Number, batched.HashFormat, batched.CounterKey));
        Assert.Equal((batched.Hash, "credit-notes/2026"), (credit.PreviousHash, credit.CounterKey));
        Assert.Equal(credit, await store.GetAsync(credit.Number));
        Assert.True(verification.IsIntact, verification.Reason);
        Assert.Equal(LegacyDocuments + 2, verification.DocumentsChecked);
    }

    [Theory]
    [InlineData("UPDATE issued SET counter_key = 'invoices' WHERE number = 'F2026-00002'", "F2026-00002", "counter_key column holds 'invoices'")]
    [InlineData("UPDATE archive_seals SET seal = repeat('e', 64) WHERE position = 3", "F2026-00003", "not the counter key the checkpoint sealed")]
    [InlineData("DELETE FROM archive_seals WHERE position = 2", "F2026-00002", "no seal")]
    [InlineData("UPDATE archive_checkpoint SET seal = repeat('e', 64)", "F2026-00004", "checkpoint")]
    [InlineData("DELETE FROM archive_checkpoint", "F2026-00001", "checkpoint was removed")]
    [InlineData("DROP TABLE archive_seals, archive_checkpoint", "(checkpoint)", "missing")]
    public async Task VerifyArchiveAsync_UpgradedThenTampered_ReportsTheRow(string sql, string number, string reason)
    {
        await using var store = PostgresTestDatabase.CreateStore(_schema);
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        await PostgresTestDatabase.ExecuteAsync(
            _schema,
            $"BEGIN; ALTER TABLE issued DISABLE TRIGGER USER; ALTER TABLE archive_seals DISABLE TRIGGER USER; ALTER TABLE archive_checkpoint DISABLE TRIGGER USER; {sql}; COMMIT;");

        var verification = await store.VerifyArchiveAsync();

        Assert.False(verification.IsIntact);
        Assert.Equal(number, verification.FirstBrokenNumber);
        Assert.Contains(reason, verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawSql_ChangingASealOrTheCheckpoint_RefusedByTheDatabase()
    {
        await using var store = PostgresTestDatabase.CreateStore(_schema);
        await store.VerifyArchiveAsync();

        var seal = await Assert.ThrowsAsync<PostgresException>(() => PostgresTestDatabase.ExecuteAsync(_schema, "UPDATE archive_seals SET seal = repeat('e', 64)"));
        var checkpoint = await Assert.ThrowsAsync<PostgresException>(() => PostgresTestDatabase.ExecuteAsync(_schema, "DELETE FROM archive_checkpoint"));

        Assert.Contains("immutable", seal.MessageText, StringComparison.Ordinal);
        Assert.Contains("immutable", checkpoint.MessageText, StringComparison.Ordinal);
        Assert.True((await store.VerifyArchiveAsync()).IsIntact);
    }

    /// <summary>The migrations before hash format 2, and rows, counters and chain head as that version wrote them.</summary>
    private async Task WriteLegacyArchiveAsync(IReadOnlyList<IssuedInvoice> chain)
    {
        await using var connection = await PostgresTestDatabase.OpenAsync();
        await RunAsync(connection, $"CREATE SCHEMA \"{_schema}\"; CREATE TABLE \"{_schema}\".schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        foreach (var (version, name, sql) in PostgreSqlMigrator.Migrations.TakeWhile(m => !m.Name.EndsWith(PostgreSqlArchiveCheckpoint.MigrationSuffix, StringComparison.Ordinal)))
        {
            await RunAsync(connection, $"BEGIN; SET LOCAL search_path TO \"{_schema}\"; {sql}; INSERT INTO schema_migrations (version, name) VALUES ({version}, '{name}'); COMMIT;");
        }

        for (var i = 0; i < chain.Count; i++)
        {
            var issued = chain[i];
            await using var command = new NpgsqlCommand(
                $"""
                SET search_path TO "{_schema}";
                INSERT INTO issued (position, number, series_id, counter_key, sequence, is_credit_note, customer_key, currency, issue_date, due_date, amount_due, issued_at, previous_hash, hash, document)
                VALUES (@position, @number, 'invoices', 'invoices/2026', @sequence, false, @customer, 'EUR', DATE '2026-11-02', DATE '2026-12-02', @amount, @issuedAt, @previous, @hash, @document);
                INSERT INTO counters (counter_key, series_id, last_sequence, last_issue_date) VALUES ('invoices/2026', 'invoices', @sequence, DATE '2026-11-02')
                ON CONFLICT (counter_key) DO UPDATE SET last_sequence = EXCLUDED.last_sequence;
                INSERT INTO accounts (number, customer_key, issue_date, due_date, is_credit_note, amount_due) VALUES (@number, @customer, DATE '2026-11-02', DATE '2026-12-02', false, @amount);
                UPDATE chain_head SET length = @position, hash = @hash WHERE id = 1;
                """,
                connection);
            command.Parameters.AddWithValue("position", (long)(i + 1));
            command.Parameters.AddWithValue("number", issued.Number);
            command.Parameters.AddWithValue("sequence", issued.Sequence);
            command.Parameters.AddWithValue("customer", issued.Document.CustomerKey);
            command.Parameters.AddWithValue("amount", issued.Totals.AmountDue);
            command.Parameters.AddWithValue("issuedAt", issued.IssuedAt.ToDateTimeUtc());
            command.Parameters.AddWithValue("previous", issued.PreviousHash);
            command.Parameters.AddWithValue("hash", issued.Hash);
            command.Parameters.AddWithValue("document", LegacyArchive.Json(issued));
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task RunAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
