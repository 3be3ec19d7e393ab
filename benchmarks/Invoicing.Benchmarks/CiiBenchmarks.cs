using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Invoicing.Core;
using Invoicing.EInvoicing;

namespace Invoicing.Benchmarks;

/// <summary>CII (Factur-X EN 16931): write a 10-line and a 1,000-line invoice, read them back, and read CII_example1.xml.</summary>
[MemoryDiagnoser]
public class CiiBenchmarks
{
    private readonly MemoryStream _output = new();
    private Invoice _tenLines = null!;
    private Invoice _thousandLines = null!;
    private byte[] _tenLinesXml = null!;
    private byte[] _thousandLinesXml = null!;
    private byte[] _example1 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tenLines = InvoiceFactory.Create(10) with { Number = "F2026-00001" };
        _thousandLines = InvoiceFactory.Create(1000) with { Number = "F2026-00002" };
        _tenLinesXml = CiiWriter.ToBytes(_tenLines);
        _thousandLinesXml = CiiWriter.ToBytes(_thousandLines);
        _example1 = File.ReadAllBytes(Path.Combine(RepositoryRoot(), "..", "shared", "corpus", "en16931", "cii-examples", "CII_example1.xml"));
    }

    [GlobalCleanup]
    public void Cleanup() => _output.Dispose();

    [Benchmark(Baseline = true)]
    public long WriteTenLines() => Write(_tenLines);

    [Benchmark]
    public long WriteThousandLines() => Write(_thousandLines);

    [Benchmark]
    public EInvoiceDocument ReadTenLines() => EInvoiceReader.Read(_tenLinesXml);

    [Benchmark]
    public EInvoiceDocument ReadThousandLines() => EInvoiceReader.Read(_thousandLinesXml);

    [Benchmark]
    public EInvoiceDocument ReadCiiExample1() => EInvoiceReader.Read(_example1);

    private long Write(Invoice invoice)
    {
        _output.SetLength(0);
        CiiWriter.Write(invoice, FacturXProfile.En16931, _output);
        return _output.Length;
    }

    /// <summary>The repository root, from this source file's path as the compiler saw it (benchmarks run from a generated folder).</summary>
    private static string RepositoryRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", ".."));
}
