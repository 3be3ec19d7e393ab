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

    [Fact]
    public void ToBytes_SixtyLines_SpansPagesWithHeaderRepeatedAndPageNumbers()
    {
        var invoice = TestInvoices.WithLines(60);
        var pdf = InvoicePdf.ToBytes(invoice);
        var pages = PdfAssert.PageTexts(pdf);

        Assert.True(pages.Count >= 2, $"expected several pages, got {pages.Count}");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains("F2026-00060", pages[i], StringComparison.Ordinal);
            Assert.Contains("Désignation", pages[i], StringComparison.Ordinal);
            Assert.Contains($"Page {i + 1} / {pages.Count}", pages[i], StringComparison.Ordinal);
        }

        var all = string.Join(' ', pages);
        var totals = InvoiceCalculator.Calculate(invoice);
        for (var n = 1; n <= 60; n++)
        {
            Assert.Contains($"Article n°{n:000}", all, StringComparison.Ordinal);
            Assert.Contains(Formats.French.Amount(totals.LineNetAmounts[n - 1], invoice.Currency), all, StringComparison.Ordinal);
        }

        Assert.Contains(Formats.French.Money(totals.AmountDue, invoice.Currency), pages[^1], StringComparison.Ordinal);
        PdfAssert.QpdfCheckPasses(pdf);
    }

    [Fact]
    public void ToBytes_CreditNote_IsTitledAvoirAndShowsTheInvoiceItCorrects()
    {
        var pdf = InvoicePdf.ToBytes(TestInvoices.CreditNote());
        var text = PdfAssert.AllText(pdf);

        Assert.Contains("AVOIR", text, StringComparison.Ordinal);
        Assert.Contains("A2026-00007", text, StringComparison.Ordinal);
        Assert.Contains("Avoir sur la facture F2026-00042 du 02/11/2026", text, StringComparison.Ordinal);
        Assert.Contains("Montant de l'avoir", text, StringComparison.Ordinal);
        PdfAssert.QpdfCheckPasses(pdf);
    }

    [Fact]
    public void ToBytes_English_UsesEnglishLabelsAndNumbers()
    {
        var invoice = TestInvoices.Sample();
        var pdf = InvoicePdf.ToBytes(invoice, new PdfRenderOptions { Language = PdfLanguage.English });
        var text = PdfAssert.AllText(pdf);
        var totals = InvoiceCalculator.Calculate(invoice);

        Assert.Contains("INVOICE", text, StringComparison.Ordinal);
        Assert.Contains("Amount due", text, StringComparison.Ordinal);
        Assert.Contains("2 Dec 2026", text, StringComparison.Ordinal);
        Assert.Contains(Formats.English.Money(totals.AmountDue, invoice.Currency), text, StringComparison.Ordinal);
        PdfAssert.QpdfCheckPasses(pdf);
    }

    [Fact]
    public void ToBytes_ReverseChargeWithoutNotes_PrintsTheMentionAndTheFrenchDefaults()
    {
        var sample = TestInvoices.Sample();
        var invoice = sample with
        {
            Notes = ValueList<InvoiceNote>.Empty,
            AllowancesCharges = ValueList<AllowanceCharge>.Empty,
            Lines = ValueList<InvoiceLine>.From([sample.Lines[0] with { VatCategory = VatCategory.AE, VatRate = 0 }]),
            Buyer = sample.Buyer with { VatId = "DE123456789", Address = sample.Buyer.Address! with { CountryCode = "DE" } },
        };
        var text = PdfAssert.AllText(InvoicePdf.ToBytes(invoice));

        Assert.Contains("Autoliquidation", text, StringComparison.Ordinal);
        Assert.Contains("40 EUR", text, StringComparison.Ordinal);
        Assert.Contains("trois fois le taux d'intérêt légal", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToBytes_UnbrokenLongTexts_WrapInsideThePage()
    {
        var sample = TestInvoices.Sample();
        var word = new string('W', 400);
        var invoice = sample with
        {
            Lines = ValueList<InvoiceLine>.From([sample.Lines[0] with { ItemName = word, Description = string.Join(' ', Enumerable.Repeat("description", 400)) }]),
            Buyer = sample.Buyer with { Name = new string('B', 300) },
        };
        var pdf = InvoicePdf.ToBytes(invoice);

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            foreach (var letter in page.Letters)
            {
                Assert.InRange(letter.BoundingBox.Right, 0, page.Width);
                Assert.InRange(letter.BoundingBox.Bottom, 0, page.Height);
            }
        }

        Assert.Equal(400, PdfAssert.AllText(pdf).Count(c => c == 'W'));
        PdfAssert.QpdfCheckPasses(pdf);
    }

    [Fact]
    public void ToBytes_PngLogoAndBrandColour_Renders()
    {
        var png = TestImages.RgbPng(120, 40);
        var pdf = InvoicePdf.ToBytes(TestInvoices.Sample(), new PdfRenderOptions { Logo = png, BrandColor = "#8A1538", PaymentLink = new Uri("https://pay.example.com/F2026-00042") });

        Assert.Contains("https://pay.example.com/F2026-00042", PdfAssert.AllText(pdf), StringComparison.Ordinal);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.NotEmpty(document.GetPage(1).GetImages());
        PdfAssert.QpdfCheckPasses(pdf);
    }

    [Theory]
    [InlineData("")]
    [InlineData("red")]
    [InlineData("#12345")]
    [InlineData("#GGGGGG")]
    [InlineData("#1234567")]
    public void Render_BadBrandColour_ThrowsValidationNamingTheOption(string colour)
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => InvoicePdf.ToBytes(TestInvoices.Sample(), new PdfRenderOptions { BrandColor = colour }));
        var issue = Assert.Single(exception.Issues);
        Assert.Equal(("PDF-OPT-COLOR", "options.BrandColor"), (issue.RuleId, issue.Path));
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0 })]
    public void Render_BadLogo_ThrowsValidationNamingTheOption(byte[] logo)
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => InvoicePdf.ToBytes(TestInvoices.Sample(), new PdfRenderOptions { Logo = logo }));
        var issue = Assert.Single(exception.Issues);
        Assert.Equal(("PDF-OPT-LOGO", "options.Logo"), (issue.RuleId, issue.Path));
        Assert.Matches(@"^The logo (is neither a PNG nor a JPEG image|has no pixels|cannot be decoded as (PNG|JPEG): the image data is damaged or cut off)\.$", issue.Message);
    }

    [Fact]
    public void Render_MissingParties_ThrowsValidationNamingEachField()
    {
        var invoice = TestInvoices.Sample() with { Seller = null!, Buyer = TestInvoices.Sample().Buyer with { Name = " " } };
        var exception = Assert.Throws<InvoiceValidationException>(() => InvoicePdf.ToBytes(invoice));
        Assert.Contains(exception.Issues, i => i is { RuleId: "PDF-REQUIRED", Path: "Seller" });
        Assert.Contains(exception.Issues, i => i is { RuleId: "PDF-REQUIRED", Path: "Buyer.Name" });
    }

    [Fact]
    public void Render_ReadOnlyStream_ThrowsArgumentException()
    {
        using var readOnly = new MemoryStream([], writable: false);
        Assert.Throws<ArgumentException>(() => InvoicePdf.Render(TestInvoices.Sample(), readOnly));
    }

    [Fact]
    public void ToBytes_SameInvoiceTwice_GivesTheSameBytes()
    {
        Assert.Equal(InvoicePdf.ToBytes(TestInvoices.WithLines(30)), InvoicePdf.ToBytes(TestInvoices.WithLines(30)));
    }

    [Fact]
    public void Render_ManyInvoicesToOneStream_KeepsMemoryFlat()
    {
        var invoice = TestInvoices.Sample();
        using var sink = new CountingStream();
        for (var i = 0; i < 50; i++)
        {
            InvoicePdf.Render(invoice, sink);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < 400; i++)
        {
            InvoicePdf.Render(invoice with { Number = $"F2026-{i:00000}" }, sink);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(sink.Length > 400 * 10_000);
        Assert.True(after - before < 8 * 1024 * 1024, $"memory grew by {(after - before) / 1024} KB over 400 invoices");
    }

    /// <summary>A write-only sink that keeps nothing, so the test measures the renderer, not the output.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => length;
        public override long Position { get => length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => length += count;
    }
}
