using BenchmarkDotNet.Attributes;
using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Invoicing.Benchmarks;

/// <summary>
/// Issued invoices per second on SQLite with one writer (each issue awaited before the next), a 10-line invoice, on a
/// file in the temp folder. Each operation issues 200 invoices; the reported time is per invoice. Measured with durable
/// commits (synchronous = FULL, the default) and without (synchronous = NORMAL).
/// </summary>
[MemoryDiagnoser]
public class SqliteIssueBenchmarks
{
    private const int InvoicesPerOperation = 200;
    private static readonly Instant IssuedAt = Instant.FromUtc(2026, 11, 2, 9, 0);

    private IInvoiceStore _store = null!;
    private string _folder = null!;
    private Invoice _document = null!;

    /// <summary>Whether each commit is flushed to the disk (<see cref="SqliteStoreOptions.DurableCommits"/>).</summary>
    [Params(true, false)]
    public bool DurableCommits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("invoicing-bench-").FullName;
        _store = SqliteInvoiceStores.Open($"Data Source={Path.Combine(_folder, "invoices.db")}", new SqliteStoreOptions { DurableCommits = DurableCommits });
        SqliteInvoiceStores.MigrateAsync(_store).GetAwaiter().GetResult();
        _document = InvoiceFactory.Create(10);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ((IAsyncDisposable)_store).DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = InvoicesPerOperation)]
    public async Task Issue()
    {
        for (var i = 0; i < InvoicesPerOperation; i++)
        {
            await _store.IssueAsync(new IssueRequest { Document = _document, Series = NumberSeries.DefaultInvoices, IssuedAt = IssuedAt });
        }
    }
}
