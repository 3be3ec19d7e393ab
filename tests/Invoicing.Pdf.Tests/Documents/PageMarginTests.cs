using Invoicing.Core;

namespace Invoicing.Pdf.Tests.Documents;

/// <summary>Nothing is drawn in the side margins: long tables, footers ("Page x / y") and unbreakable texts stay inside.</summary>
public sealed class PageMarginTests
{
    /// <summary>The side margin of every page, in points (A4, 42 pt each side).</summary>
    private const double Margin = 42;

    /// <summary>What a glyph's outline may exceed its advance box by without being drawn outside the margin.</summary>
    private const double Tolerance = 0.5;

    [Theory]
    [InlineData(PdfLanguage.French)]
    [InlineData(PdfLanguage.English)]
    public void ToBytes_SixtyLines_EveryGlyphOfEveryPageIsInsideTheMargins(PdfLanguage language)
    {
        var pdf = InvoicePdf.ToBytes(TestInvoices.WithLines(60), new PdfRenderOptions { Language = language });

        var pages = AssertInsideMargins(pdf);

        Assert.True(pages > 1, "a 60-line invoice spans pages");
    }

    [Theory]
    [InlineData(PdfLanguage.French)]
    [InlineData(PdfLanguage.English)]
    public void ToBytes_UnbreakableBuyerNameAndLongNote_StayInsideTheMargins(PdfLanguage language)
    {
        var sample = TestInvoices.Sample();
        var invoice = sample with
        {
            Buyer = sample.Buyer with { Name = new string('M', 250) },
            Notes = ValueList<InvoiceNote>.From([.. sample.Notes, new InvoiceNote(new string('Z', 600) + " " + string.Join(' ', Enumerable.Repeat("mention", 200)))]),
        };
        var options = new PdfRenderOptions { Language = language };

        var pdf = InvoicePdf.ToBytes(invoice, options);

        AssertInsideMargins(pdf);
        var before = PdfAssert.AllText(InvoicePdf.ToBytes(sample, options));
        var after = PdfAssert.AllText(pdf);
        Assert.True(after.Count(c => c == 'M') - before.Count(c => c == 'M') >= 250, "the whole buyer name is printed, wrapped");
        Assert.Equal(600, after.Count(c => c == 'Z') - before.Count(c => c == 'Z'));
    }

    private static int AssertInsideMargins(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            foreach (var word in page.GetWords())
            {
                Assert.True(
                    word.BoundingBox.Left >= Margin - Tolerance && word.BoundingBox.Right <= page.Width - Margin + Tolerance,
                    $"page {page.Number}: '{word.Text}' spans x {word.BoundingBox.Left:F1}..{word.BoundingBox.Right:F1}, outside {Margin}..{page.Width - Margin:F1}");
                Assert.InRange(word.BoundingBox.Bottom, 0, page.Height);
                Assert.InRange(word.BoundingBox.Top, 0, page.Height);
            }
        }

        PdfAssert.QpdfCheckPasses(pdf);
        return document.NumberOfPages;
    }
}
