using BenchmarkDotNet.Attributes;
using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.Benchmarks;

/// <summary>UBL (Peppol BIS Billing 3.0): write a 10-line and a 1,000-line invoice and read them back.</summary>
[MemoryDiagnoser]
public class UblBenchmarks
{
    private readonly MemoryStream _output = new();
    private Invoice _tenLines = null!;
    private Invoice _thousandLines = null!;
    private byte[] _tenLinesXml = null!;
    private byte[] _thousandLinesXml = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tenLines = InvoiceFactory.Create(10) with { Number = "F2026-00001" };
        _thousandLines = InvoiceFactory.Create(1000) with { Number = "F2026-00002" };
        _tenLinesXml = UblWriter.Write(_tenLines);
        _thousandLinesXml = UblWriter.Write(_thousandLines);
    }

    [GlobalCleanup]
    public void Cleanup() => _output.Dispose();

    [Benchmark(Baseline = true)]
    public long WriteTenLines() => Write(_tenLines);

    [Benchmark]
    public long WriteThousandLines() => Write(_thousandLines);

    [Benchmark]
    public EInvoiceDocument ReadTenLines() => UblReader.Read(_tenLinesXml);

    [Benchmark]
    public EInvoiceDocument ReadThousandLines() => UblReader.Read(_thousandLinesXml);

    private long Write(Invoice invoice)
    {
        _output.SetLength(0);
        UblWriter.Write(invoice, _output);
        return _output.Length;
    }
}
