using System.Globalization;
using Invoicing.Core;
using Invoicing.Pdf.Layout;

namespace Invoicing.Pdf.Tests.Documents;

public sealed class InvoicePdfTests
{
    [Fact]
    public void ToBytes_SampleInvoice_PrintsEveryAmountNumberPartiesAndMentions()
    {
        var invoice = TestInvoices.Sample();
        var pdf = InvoicePdf.ToBytes(invoice);
        var text = PdfAssert.AllText(pdf);
        var totals = InvoiceCalculator.Calculate(invoice);
        var f = Formats.French;

        Assert.Contains("FACTURE", text, StringComparison.Ordinal);
        Assert.Contains("F2026-00042", text, StringComparison.Ordinal);
        Assert.Contains(invoice.Seller.Name, text, StringComparison.Ordinal);
        Assert.Contains(invoice.Buyer.Name, text, StringComparison.Ordinal);
        foreach (var amount in totals.LineNetAmounts.Concat([totals.TaxExclusiveAmount, totals.VatTotal, totals.TaxInclusiveAmount]))
        {
            Assert.Contains(f.Amount(amount, invoice.Currency), text, StringComparison.Ordinal);
        }

        Assert.Contains(f.Money(totals.AmountDue, invoice.Currency), text, StringComparison.Ordinal);
        foreach (var row in totals.VatBreakdown)
        {
            Assert.Contains(f.Amount(row.TaxableAmount, invoice.Currency), text, StringComparison.Ordinal);
            Assert.Contains(f.Amount(row.TaxAmount, invoice.Currency), text, StringComparison.Ordinal);
        }

        foreach (var note in invoice.Notes)
        {
            Assert.Contains(PdfAssert.Normalize(note.Text), text, StringComparison.Ordinal);
        }

        Assert.Contains("RCS Lyon 123 456 782", text, StringComparison.Ordinal);
        Assert.Contains("SIREN 123456782", text, StringComparison.Ordinal);
        Assert.Contains("au capital de 50 000 EUR", text, StringComparison.Ordinal);
        Assert.Contains("FR76 3000 6000 0112 3456 7890 189", text, StringComparison.Ordinal);
        Assert.Contains("02/12/2026", text, StringComparison.Ordinal);
        PdfAssert.QpdfCheckPasses(pdf);
    }
}
