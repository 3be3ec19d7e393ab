using BenchmarkDotNet.Attributes;
using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using NodaTime;
using Npgsql;

namespace Invoicing.Benchmarks;

/// <summary>
/// Issued invoices per second on PostgreSQL, with 1 and 16 concurrent issuers sharing one store (their issues are
/// batched), and 16 issuers each with its own store, as 16 host instances would be (no batching across them).
/// Each operation issues 800 invoices; the reported time is per invoice.
/// Needs INVOICING_TEST_POSTGRES (eng/test-services.sh starts a server).
/// </summary>
[MemoryDiagnoser]
public class PostgreSqlIssueBenchmarks
{
    private const int InvoicesPerOperation = 800;
    private static readonly Instant IssuedAt = Instant.FromUtc(2026, 11, 2, 9, 0);

    private PostgreSqlInvoiceStore _store = null!;
    private PostgreSqlInvoiceStore[] _hostStores = null!;
    private string _connectionString = null!;
    private string _schema = null!;
    private Invoice _document = null!;

    /// <summary>How many tasks issue at once.</summary>
    [Params(1, 16)]
    public int Issuers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _connectionString = Environment.GetEnvironmentVariable("INVOICING_TEST_POSTGRES")
            ?? throw new InvalidOperationException("INVOICING_TEST_POSTGRES is not set: source eng/test-services.sh and run start_test_services.");
        _schema = "bench_" + Guid.NewGuid().ToString("N");
        _store = new PostgreSqlInvoiceStore(new PostgreSqlStoreOptions(_connectionString, _schema));
        _hostStores = [.. Enumerable.Range(0, Issuers).Select(_ => new PostgreSqlInvoiceStore(new PostgreSqlStoreOptions(_connectionString, _schema)))];
        _document = InvoiceFactory.Create(10);
        PostgreSqlSchema.MigrateAsync(new PostgreSqlStoreOptions(_connectionString, _schema)).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Array.ForEach(_hostStores, store => store.Dispose());
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP SCHEMA \"{_schema}\" CASCADE", connection);
        drop.ExecuteNonQuery();
    }

    [Benchmark(OperationsPerInvoke = InvoicesPerOperation)]
    public Task Issue() => Task.WhenAll(Enumerable.Range(0, Issuers).Select(_ => Task.Run(async () =>
    {
        for (var i = 0; i < InvoicesPerOperation / Issuers; i++)
        {
            await _store.IssueAsync(new IssueRequest { Document = _document, Series = NumberSeries.DefaultInvoices, IssuedAt = IssuedAt });
        }
    })));

    [Benchmark(OperationsPerInvoke = InvoicesPerOperation)]
    public Task IssueOneStoreEach() => Task.WhenAll(_hostStores.Select(store => Task.Run(async () =>
    {
        for (var i = 0; i < InvoicesPerOperation / Issuers; i++)
        {
            await store.IssueAsync(new IssueRequest { Document = _document, Series = NumberSeries.DefaultInvoices, IssuedAt = IssuedAt });
        }
    })));
}
