using BenchmarkDotNet.Attributes;
using Invoicing.Core;

namespace Invoicing.Benchmarks;

/// <summary>EN 16931 totals of a 10-line invoice with 2 VAT rates and of a 1,000-line invoice.</summary>
[MemoryDiagnoser]
public class CalculatorBenchmarks
{
    private Invoice _tenLines = null!;
    private Invoice _thousandLines = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tenLines = InvoiceFactory.Create(10);
        _thousandLines = InvoiceFactory.Create(1000);
    }

    [Benchmark(Baseline = true)]
    public InvoiceTotals TenLines() => InvoiceCalculator.Calculate(_tenLines);

    [Benchmark]
    public InvoiceTotals ThousandLines() => InvoiceCalculator.Calculate(_thousandLines);
}
