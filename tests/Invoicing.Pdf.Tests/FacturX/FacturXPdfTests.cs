using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing;
using UglyToad.PdfPig;

namespace Invoicing.Pdf.Tests.FacturX;

public sealed class FacturXPdfTests
{
    private static readonly XNamespace Fx = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";
    private static readonly XNamespace PdfAid = "http://www.aiim.org/pdfa/ns/id/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    [Theory]
    [InlineData(FacturXProfile.Minimum, "MINIMUM", "Data")]
    [InlineData(FacturXProfile.BasicWl, "BASIC WL", "Data")]
    [InlineData(FacturXProfile.Basic, "BASIC", "Alternative")]
    [InlineData(FacturXProfile.En16931, "EN 16931", "Alternative")]
    [InlineData(FacturXProfile.Extended, "EXTENDED", "Alternative")]
    public void ToBytes_EachProfile_EmbedsTheCiiWritersXmlWithItsRelationshipAndXmp(FacturXProfile profile, string level, string relationship)
    {
        var invoice = TestInvoices.Sample();
        var pdf = FacturXPdf.ToBytes(invoice, profile);
        using var expected = new MemoryStream();
        EInvoiceWriter.Write(invoice, EInvoiceSyntax.Cii, expected, profile);

        var attachment = FacturXReader.ExtractXml(pdf);
        Assert.Equal("factur-x.xml", attachment.FileName);
        Assert.Equal(relationship, attachment.Relationship);
        Assert.Equal(expected.ToArray(), attachment.Xml);

        var xmp = Xmp(pdf);
        Assert.Equal("3", xmp.Descendants(PdfAid + "part").Single().Value);
        Assert.Equal("B", xmp.Descendants(PdfAid + "conformance").Single().Value);
        Assert.Equal("INVOICE", xmp.Descendants(Fx + "DocumentType").Single().Value);
        Assert.Equal("factur-x.xml", xmp.Descendants(Fx + "DocumentFileName").Single().Value);
        Assert.Equal("1.0", xmp.Descendants(Fx + "Version").Single().Value);
        Assert.Equal(level, xmp.Descendants(Fx + "ConformanceLevel").Single().Value);
        PdfAssert.QpdfCheckPasses(pdf);
    }

    [Fact]
    public void ToBytes_BuyerWithMarkupCharacters_XmpIsWellFormedAndKeepsTheName()
    {
        var invoice = TestInvoices.Sample();
        invoice = invoice with { Seller = invoice.Seller with { Name = "Dupont & Fils <SARL>" } };
        var pdf = FacturXPdf.ToBytes(invoice, FacturXProfile.En16931);

        var xmp = Xmp(pdf);
        Assert.Equal("Dupont & Fils <SARL>", xmp.Descendants(Dc + "creator").Single().Value);
        Assert.Contains("Dupont & Fils <SARL>", xmp.Descendants(Dc + "title").Concat(xmp.Descendants(Dc + "description")).Select(e => e.Value).Last(), StringComparison.Ordinal);
        Assert.Contains("Dupont & Fils <SARL>", PdfAssert.AllText(pdf), StringComparison.Ordinal);
        PdfAssert.QpdfCheckPasses(pdf);
    }

    [Fact]
    public void ToBytes_BuyerNamedDupontEtFilsSarl_XmpDescriptionEscapesIt()
    {
        var invoice = TestInvoices.Sample();
        invoice = invoice with { Buyer = invoice.Buyer with { Name = "Dupont & Fils <SARL>" } };
        var pdf = FacturXPdf.ToBytes(invoice, FacturXProfile.En16931);

        var raw = RawXmp(pdf);
        Assert.Contains("Dupont &amp; Fils &lt;SARL&gt;", raw, StringComparison.Ordinal);
        Assert.Contains("Dupont & Fils <SARL>", Xmp(pdf).Descendants(Dc + "description").Single().Value, StringComparison.Ordinal);
        Assert.Contains("Dupont & Fils <SARL>", PdfAssert.AllText(pdf), StringComparison.Ordinal);
        Assert.Equal("Dupont & Fils <SARL>", FacturXReader.Read(pdf).Invoice.Buyer.Name);
    }

    [Fact]
    public void ToBytes_SameInvoiceTwice_GivesTheSameBytes()
    {
        var first = FacturXPdf.ToBytes(TestInvoices.Sample(), FacturXProfile.En16931);
        var second = FacturXPdf.ToBytes(TestInvoices.Sample(), FacturXProfile.En16931);
        Assert.Equal(first, second);
    }

    [Fact]
    public void ToBytes_DifferentInvoices_GiveDifferentFileIdentifiers()
    {
        var first = FacturXPdf.ToBytes(TestInvoices.Sample(), FacturXProfile.En16931);
        var second = FacturXPdf.ToBytes(TestInvoices.Sample() with { Number = "F2026-00043" }, FacturXProfile.En16931);
        Assert.NotEqual(TrailerId(first), TrailerId(second));
    }

    [Fact]
    public void ToBytes_HasOutputIntentAndEmbeddedFonts()
    {
        var pdf = FacturXPdf.ToBytes(TestInvoices.Sample(), FacturXProfile.En16931);
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Contains("/GTS_PDFA1", text, StringComparison.Ordinal);
        Assert.Contains("sRGB IEC61966-2.1", text, StringComparison.Ordinal);
        Assert.Contains("/AF", text, StringComparison.Ordinal);
        var descriptors = System.Text.RegularExpressions.Regex.Count(text, "/Type\\s*/FontDescriptor");
        Assert.True(descriptors >= 2, "expected the regular and bold faces");
        Assert.Equal(descriptors, System.Text.RegularExpressions.Regex.Count(text, "/FontFile2"));
    }

    /// <summary>
    /// PDF/A-3 (and Factur-X) give the embedded file's MIME type as the name text/xml, written <c>/text#2Fxml</c>:
    /// a <c>#</c> escaped once more (<c>#232F</c>) would name the type "text#2Fxml" instead.
    /// </summary>
    [Fact]
    public void ToBytes_EmbeddedFile_HasTheMimeTypeTextXml()
    {
        var text = System.Text.Encoding.Latin1.GetString(FacturXPdf.ToBytes(TestInvoices.Sample(), FacturXProfile.En16931));
        Assert.Matches(@"/Type\s*/EmbeddedFile\s*/Subtype\s*/text#2Fxml[\s/>]", text);
        Assert.DoesNotContain("#23", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DraftWithoutNumber_ThrowsValidationNamingTheNumber()
    {
        var draft = TestInvoices.Sample() with { Number = null };
        var exception = Assert.Throws<InvoiceValidationException>(() => FacturXPdf.ToBytes(draft, FacturXProfile.En16931));
        Assert.Contains(exception.Issues, i => i.RuleId == "BR-02");
    }

    [Fact]
    public void Render_UnknownProfile_ThrowsValidationNamingTheProfile()
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => FacturXPdf.ToBytes(TestInvoices.Sample(), (FacturXProfile)42));
        Assert.Equal("profile", exception.Issues.Single().Path);
    }

    private static XDocument Xmp(byte[] pdf) => XDocument.Parse(RawXmp(pdf));

    private static string RawXmp(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.TryGetXmpMetadata(out var metadata));
        return System.Text.Encoding.UTF8.GetString(metadata.GetXmlBytes().ToArray()).TrimStart('\uFEFF');
    }

    private static string TrailerId(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("/ID[", StringComparison.Ordinal);
        return text.Substring(at, 40);
    }
}
