using BenchmarkDotNet.Attributes;
using Invoicing.Core;
using Invoicing.Reporting;
using NodaTime;

namespace Invoicing.Benchmarks;

/// <summary>
/// Aging, DSO and cash-in forecast over a stream of 100,000 and 1,000,000 accounts. The stream cycles over
/// 10,000 distinct accounts (500 customers, two currencies, due dates over 400 days, a third of them paid), so
/// the allocation column shows what the report itself keeps: it must not grow with the number of invoices.
/// </summary>
[MemoryDiagnoser]
public class ReportingBenchmarks
{
    private static readonly LocalDate AsOf = new(2026, 11, 28);
    private InvoiceAccount[] _pool = [];
    private PaymentBehaviourReport _behaviour = null!;

    [Params(100_000, 1_000_000)]
    public int Invoices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pool = ReportingLedger.Create(10_000, AsOf);
        _behaviour = Receivables.PaymentBehaviour(_pool, AsOf);
    }

    [Benchmark]
    public AgingReport Aging() => Receivables.Aging(Stream(), AsOf);

    [Benchmark]
    public DsoReport Dso() => Receivables.Dso(Stream(), AsOf);

    [Benchmark]
    public CashForecast Forecast() => Receivables.Forecast(Stream(), AsOf, 12, _behaviour);

    [Benchmark]
    public Task<AgingReport> AgingAsync() => Receivables.AgingAsync(StreamAsync(), AsOf);

    private IEnumerable<InvoiceAccount> Stream()
    {
        for (var i = 0; i < Invoices; i++)
        {
            yield return _pool[i % _pool.Length];
        }
    }

    private async IAsyncEnumerable<InvoiceAccount> StreamAsync()
    {
        foreach (var account in Stream())
        {
            yield return account;
        }

        await Task.CompletedTask;
    }
}
