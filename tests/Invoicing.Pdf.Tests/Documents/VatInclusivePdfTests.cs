using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.Pdf.Layout;

namespace Invoicing.Pdf.Tests.Documents;

/// <summary>An invoice priced with VAT included shows its prices and line amounts with VAT included, and the net totals and VAT below.</summary>
public sealed class VatInclusivePdfTests
{
    private static Invoice Sample() => InvoiceJson.Deserialize(File.ReadAllText(TestPaths.Sample("fr-b2c-vat-inclusive.json"))) with { Number = "F2026-00007" };

    [Fact]
    public void ToBytes_B2cSample_PrintsVatInclusivePricesAndAmountsAndTheNetTotals()
    {
        var invoice = Sample();
        var f = Formats.French;

        var text = PdfAssert.AllText(InvoicePdf.ToBytes(invoice));

        Assert.Contains("PU TTC", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PU HT", text, StringComparison.Ordinal);
        // Line 1: 6 x 0.99 = 5.94 with VAT; line 4: 4 x 0.99 - 0.50 = 3.46 with VAT.
        Assert.Contains("Eau minérale 50 cl 6 u 0,99 5,5 % 5,94", text, StringComparison.Ordinal);
        Assert.Contains(f.Amount(3.46m, invoice.Currency), text, StringComparison.Ordinal);
        // The totals: 31.10 without VAT, 2.96 VAT, 34.06 with VAT; the delivery charge 4.90 with VAT is 4.08 without.
        foreach (var amount in new[] { 27.02m, 4.08m, 31.10m, 2.96m, 34.06m, 20.61m, 1.13m, 2.70m, 0.27m, 7.79m, 1.56m })
        {
            Assert.Contains(f.Amount(amount, invoice.Currency), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ToBytes_B2cSampleInEnglish_NamesTheColumnsWithVatIncluded()
    {
        var text = PdfAssert.AllText(InvoicePdf.ToBytes(Sample(), new PdfRenderOptions { Language = PdfLanguage.English }));

        Assert.Contains("Price incl. VAT", text, StringComparison.Ordinal);
        Assert.Contains("Amount incl. VAT", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToBytes_NetPricedInvoice_KeepsTheNetColumns()
    {
        var text = PdfAssert.AllText(InvoicePdf.ToBytes(TestInvoices.Sample()));

        Assert.Contains("PU HT", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PU TTC", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FacturX_B2cSample_EmbedsTheNetFiguresWithTheSameTotals()
    {
        var invoice = Sample();

        var embedded = FacturXReader.Read(FacturXPdf.ToBytes(invoice, FacturXProfile.En16931));

        Assert.Equal(InvoiceCalculator.Calculate(invoice), embedded.StatedTotals);
        var net = InvoiceCalculator.ToNetPrices(invoice);
        Assert.Equal(net.Lines, embedded.Invoice.Lines);
        Assert.Equal(net.AllowancesCharges, embedded.Invoice.AllowancesCharges);
    }
}
