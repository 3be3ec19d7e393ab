using BenchmarkDotNet.Attributes;
using Invoicing.Core;

namespace Invoicing.Benchmarks;

/// <summary>Every EN 16931 and French rule on a valid 10-line invoice and on a 1,000-line invoice.</summary>
[MemoryDiagnoser]
public class ValidatorBenchmarks
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
    public ValidationResult TenLines() => InvoiceValidator.Validate(_tenLines);

    [Benchmark]
    public ValidationResult ThousandLines() => InvoiceValidator.Validate(_thousandLines);
}
