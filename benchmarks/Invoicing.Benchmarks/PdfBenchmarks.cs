using BenchmarkDotNet.Attributes;
using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.Pdf;

namespace Invoicing.Benchmarks;

/// <summary>Rendering a 1-page (10 lines) and a 5-page (150 lines) invoice, as a plain PDF and as Factur-X EN 16931.</summary>
[MemoryDiagnoser]
public class PdfBenchmarks
{
    private Invoice _onePage = null!;
    private Invoice _fivePages = null!;
    private MemoryStream _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        _onePage = InvoiceFactory.Create(10) with { Number = "F2026-00001" };
        _fivePages = InvoiceFactory.Create(150) with { Number = "F2026-00002" };
        _output = new MemoryStream(1 << 20);
        InvoicePdf.Render(_onePage, _output);
    }

    [Benchmark(Baseline = true)]
    public long OnePagePlain() => Render(() => InvoicePdf.Render(_onePage, _output));

    [Benchmark]
    public long OnePageFacturX() => Render(() => FacturXPdf.Render(_onePage, FacturXProfile.En16931, _output));

    [Benchmark]
    public long FivePagesPlain() => Render(() => InvoicePdf.Render(_fivePages, _output));

    [Benchmark]
    public long FivePagesFacturX() => Render(() => FacturXPdf.Render(_fivePages, FacturXProfile.En16931, _output));

    private long Render(Action render)
    {
        _output.SetLength(0);
        render();
        return _output.Length;
    }
}
