using Invoicing.Core;

namespace Invoicing.Pdf.Tests.FacturX;

public sealed class FacturXReaderTests
{
    public static TheoryData<string> CorpusPdfs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "facturx-fr", "facturx-official-pdf" })
        {
            foreach (var file in Directory.EnumerateFiles(TestPaths.Corpus(folder), "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!file.EndsWith("_validation_report.pdf", StringComparison.Ordinal))
                {
                    data.Add(Path.GetRelativePath(TestPaths.Corpus("."), file));
                }
            }
        }

        return data;
    }

    [Fact]
    public void CorpusPdfs_AreThere()
    {
        Assert.True(CorpusPdfs().Count >= 20, $"expected the corpus PDFs under {TestPaths.Corpus(".")}");
    }

    [Theory]
    [MemberData(nameof(CorpusPdfs))]
    public void Read_CorpusPdf_ExtractsXmlAndItsStatedTotalsAddUpToTheCent(string relative)
    {
        var bytes = File.ReadAllBytes(TestPaths.Corpus(relative));

        var attachment = FacturXReader.ExtractXml(bytes);
        var document = FacturXReader.Read(bytes);
        var stated = document.StatedTotals;
        var currency = document.Invoice.Currency;

        Assert.EndsWith(".xml", attachment.FileName, StringComparison.OrdinalIgnoreCase);
        foreach (var row in stated.VatBreakdown.Where(r => r.Rate is not null))
        {
            Assert.Equal(currency.Round(row.TaxableAmount * row.Rate!.Value / 100m), row.TaxAmount);
        }

        if (stated.VatBreakdown.Count > 0)
        {
            // MINIMUM carries no breakdown; every richer profile does.
            Assert.Equal(stated.VatBreakdown.Sum(r => r.TaxableAmount), stated.TaxExclusiveAmount);
            Assert.Equal(stated.VatBreakdown.Sum(r => r.TaxAmount), stated.VatTotal);
        }
        if (stated.LineNetAmounts.Count > 0)
        {
            Assert.Equal(stated.LineNetAmounts.Sum(), stated.LineNetTotal);
            Assert.Equal(stated.LineNetTotal - (stated.AllowanceTotal ?? 0) + (stated.ChargeTotal ?? 0), stated.TaxExclusiveAmount);
        }

        Assert.Equal(stated.TaxExclusiveAmount + stated.VatTotal, stated.TaxInclusiveAmount);
        if (document.Profile != EInvoicing.FacturXProfile.Minimum)
        {
            // MINIMUM cannot state the paid amount (BT-113), so its amount due may be lower than the total.
            Assert.Equal(stated.TaxInclusiveAmount - (stated.PrepaidAmount ?? 0) + (stated.RoundingAmount ?? 0), stated.AmountDue);
        }
    }

    [Fact]
    public void Read_OfficialFacturXPdf_RecomputesStatedTotalsFromTheLinesToTheCent()
    {
        // The FNFE samples state line nets rounded from unrounded prices (price x quantity differs by cents),
        // so only the official example is recomputed from price and quantity.
        var document = FacturXReader.Read(File.ReadAllBytes(TestPaths.Corpus("facturx-official-pdf/EN16931_Einfach_fx.pdf")));
        Assert.NotEmpty(document.Invoice.Lines);
        var recomputed = InvoiceCalculator.Calculate(document.Invoice);

        Assert.Equal(document.StatedTotals.LineNetTotal, recomputed.LineNetTotal);
        Assert.Equal(document.StatedTotals.TaxExclusiveAmount, recomputed.TaxExclusiveAmount);
        Assert.Equal(document.StatedTotals.VatTotal, recomputed.VatTotal);
        Assert.Equal(document.StatedTotals.TaxInclusiveAmount, recomputed.TaxInclusiveAmount);
        Assert.Equal(document.StatedTotals.AmountDue, recomputed.AmountDue);
    }

    [Fact]
    public void ExtractXml_NotAPdf_ThrowsFormatErrorNamingThePdf()
    {
        var exception = Assert.Throws<InvoiceFormatException>(() => FacturXReader.ExtractXml("%PDF-1.7\nthis is not a pdf"u8.ToArray()));
        Assert.Equal("pdf", exception.Path);
    }

    [Fact]
    public void ExtractXml_EmptyBytes_ThrowsFormatError()
    {
        Assert.Throws<InvoiceFormatException>(() => FacturXReader.ExtractXml([]));
    }

    [Fact]
    public void ExtractXml_PlainPdfWithoutAttachment_ThrowsFormatErrorNamingEmbeddedFiles()
    {
        var pdf = InvoicePdf.ToBytes(TestInvoices.Sample());
        var exception = Assert.Throws<InvoiceFormatException>(() => FacturXReader.ExtractXml(pdf));
        Assert.Equal("/Root/Names/EmbeddedFiles", exception.Path);
    }

    [Fact]
    public void ExtractXml_TruncatedFacturX_ThrowsFormatError()
    {
        var pdf = FacturXPdf.ToBytes(TestInvoices.Sample(), EInvoicing.FacturXProfile.En16931);
        Assert.Throws<InvoiceFormatException>(() => FacturXReader.ExtractXml(pdf[..(pdf.Length / 3)]));
    }

    [Fact]
    public void ExtractXml_NullStream_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => FacturXReader.ExtractXml((Stream)null!));
    }
}
