using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Invoicing.Storage.Tests.Archive;
using Microsoft.Data.Sqlite;

namespace Invoicing.Storage.Tests.Sqlite;

/// <summary>
/// An archive written by the schema and hash format before hash format 2 (the earlier migration scripts, format-1 hashes,
/// JSON without counter key) is upgraded: it still verifies, its counter keys become covered, new issues append.
/// </summary>
public sealed class SqliteArchiveUpgradeTests : IDisposable
{
    private const int LegacyDocuments = 4;

    private readonly SqliteTestDatabase _database = new();

    public SqliteArchiveUpgradeTests() => WriteLegacyArchive(LegacyArchive.Chain(LegacyDocuments));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task VerifyAsync_LegacyArchiveNotYetUpgraded_IntactAndLeftAsItWas()
    {
        var result = await SqliteArchive.VerifyAsync(_database.Path);

        Assert.True(result.IsIntact, result.Reason);
        Assert.Equal(LegacyDocuments, result.DocumentsChecked);
        Assert.Equal(0L, Count("SELECT count(*) FROM sqlite_master WHERE name = 'archive_checkpoint'"));
    }

    [Fact]
    public async Task Migrate_LegacyArchive_SealedByACheckpointAndNewIssuesLinkToIt()
    {
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);
        var applied = await SqliteInvoiceStores.MigrateAsync(store);
        var afterUpgrade = await store.VerifyArchiveAsync();
        var next = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var then = await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        var afterIssues = await store.VerifyArchiveAsync();
        await ((IAsyncDisposable)store).DisposeAsync();

        Assert.Equal(SqliteInvoiceStores.SchemaVersion, applied[^1]);
        Assert.True(afterUpgrade.IsIntact, afterUpgrade.Reason);
        Assert.Equal(LegacyDocuments, afterUpgrade.DocumentsChecked);
        Assert.Equal(LegacyDocuments, Count("SELECT count(*) FROM archive_seals"));
        Assert.Equal(LegacyDocuments, Count("SELECT documents_covered FROM archive_checkpoint"));
        Assert.Equal(Text("SELECT hash FROM archive_checkpoint"), next.PreviousHash);
        Assert.Equal(("F2026-00005", ArchiveHash.FormatMetadata, "invoices/2026"), (next.Number, next.HashFormat, next.CounterKey));
        Assert.Equal(next.Hash, then.PreviousHash);
        Assert.True(afterIssues.IsIntact, afterIssues.Reason);
        Assert.Equal(LegacyDocuments + 2, afterIssues.DocumentsChecked);
        Assert.True((await SqliteArchive.VerifyAsync(_database.Path)).IsIntact);
    }

    [Theory]
    [InlineData("UPDATE issued_documents SET counter_key = 'invoices' WHERE number = 'F2026-00002'", "F2026-00002", "counter_key column holds 'invoices'")]
    [InlineData("UPDATE archive_seals SET seal = 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee' WHERE position = 3", "F2026-00003", "not the counter key the checkpoint sealed")]
    [InlineData("DELETE FROM archive_seals WHERE position = 2", "F2026-00002", "no seal")]
    [InlineData("UPDATE archive_checkpoint SET seal = 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee'", "F2026-00004", "checkpoint")]
    [InlineData("UPDATE archive_checkpoint SET documents_covered = 3", "F2026-00003", "checkpoint")]
    [InlineData("DELETE FROM archive_checkpoint", "F2026-00001", "checkpoint was removed")]
    [InlineData("DROP TABLE archive_seals; DROP TABLE archive_checkpoint", "F2026-00001", "checkpoint was removed")]
    public async Task VerifyAsync_UpgradedArchiveThenTampered_ReportsTheRow(string sql, string number, string reason)
    {
        await UpgradeAndIssueAsync();
        Tamper(sql);

        var result = await SqliteArchive.VerifyAsync(_database.Path);

        Assert.False(result.IsIntact);
        Assert.Equal(number, result.FirstBrokenNumber);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_UpgradedWithoutNewIssuesThenCheckpointDeleted_Reported()
    {
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);
        await SqliteInvoiceStores.MigrateAsync(store);
        await ((IAsyncDisposable)store).DisposeAsync();
        Tamper("DELETE FROM archive_checkpoint");

        var result = await SqliteArchive.VerifyAsync(_database.Path);

        Assert.Equal("F2026-00001", result.FirstBrokenNumber);
        Assert.Contains("checkpoint was removed", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_LegacyArchiveWithAnUnreadableDocument_RefusedAndNothingChanged()
    {
        Tamper("UPDATE issued_documents SET document_json = 'garbage' WHERE position = 2");
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);

        var error = await Assert.ThrowsAsync<InvoiceStoreException>(() => SqliteInvoiceStores.MigrateAsync(store));
        await ((IAsyncDisposable)store).DisposeAsync();

        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Count("SELECT count(*) FROM sqlite_master WHERE name = 'archive_seals'"));
        Assert.Equal(LegacyScripts().Last().Version, Count("SELECT max(version) FROM schema_version"));
    }

    private async Task UpgradeAndIssueAsync()
    {
        var store = SqliteInvoiceStores.Open(_database.ConnectionString);
        await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft()));
        Assert.True((await store.VerifyArchiveAsync()).IsIntact);
        await ((IAsyncDisposable)store).DisposeAsync();
    }

    /// <summary>The schema before hash format 2 (the shipped scripts before it) and rows as that version wrote them.</summary>
    private void WriteLegacyArchive(IReadOnlyList<IssuedInvoice> chain)
    {
        using var connection = _database.OpenRaw();
        Run(connection, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL)");
        foreach (var (version, name) in LegacyScripts())
        {
            using var stream = typeof(SqliteMigrator).Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            Run(connection, reader.ReadToEnd());
            Run(connection, "INSERT INTO schema_version (version, script, applied_at) VALUES ($v, $s, '2026-01-01T00:00:00Z')", ("$v", version), ("$s", name));
        }

        foreach (var issued in chain)
        {
            var account = new InvoiceAccount { Invoice = issued };
            Run(
                connection,
                """
                INSERT INTO issued_documents (number, series_id, counter_key, sequence, type_code, issue_date, issued_at, previous_hash, hash, document_json)
                VALUES ($number, $series, $counter, $sequence, 380, $issueDate, $issuedAt, $previousHash, $hash, $json);
                INSERT INTO accounts (number, is_credit_note, customer_key, issue_date, due_date, currency, amount_due, balance, is_open)
                VALUES ($number, 0, $customer, $issueDate, $dueDate, 'EUR', $amountDue, $amountDue, 1);
                INSERT INTO counters (counter_key, last_sequence, last_issue_date) VALUES ($counter, $sequence, $issueDate)
                ON CONFLICT (counter_key) DO UPDATE SET last_sequence = excluded.last_sequence, last_issue_date = excluded.last_issue_date;
                """,
                ("$number", issued.Number),
                ("$series", issued.SeriesId),
                ("$counter", NumberSeries.DefaultInvoices.CounterKey(issued.Document.IssueDate)),
                ("$sequence", issued.Sequence),
                ("$issueDate", "2026-11-02"),
                ("$issuedAt", "2026-11-02T09:00:00Z"),
                ("$previousHash", issued.PreviousHash),
                ("$hash", issued.Hash),
                ("$json", LegacyArchive.Json(issued)),
                ("$customer", issued.Document.CustomerKey),
                ("$dueDate", "2026-12-02"),
                ("$amountDue", account.AmountDue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The shipped scripts before the one that brings hash format 2.</summary>
    private static IEnumerable<(int Version, string Name)> LegacyScripts() =>
        SqliteMigrator.Scripts.TakeWhile(s => !s.Name.EndsWith(SqliteArchiveCheckpoint.ScriptSuffix, StringComparison.Ordinal));

    private void Tamper(string sql) => Execute(
        "DROP TRIGGER IF EXISTS issued_documents_no_update; DROP TRIGGER IF EXISTS archive_seals_no_update; DROP TRIGGER IF EXISTS archive_seals_no_delete; "
        + "DROP TRIGGER IF EXISTS archive_checkpoint_no_update; DROP TRIGGER IF EXISTS archive_checkpoint_no_delete; " + sql);

    private void Execute(string sql)
    {
        using var connection = _database.OpenRaw();
        Run(connection, sql);
    }

    private long Count(string sql) => Convert.ToInt64(Scalar(sql), System.Globalization.CultureInfo.InvariantCulture);

    private string Text(string sql) => (string)Scalar(sql)!;

    private object? Scalar(string sql)
    {
        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Run(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
