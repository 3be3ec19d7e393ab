using Invoicing.Core;
using Invoicing.EInvoicing;

namespace Invoicing.Pdf.Tests.Documents;

/// <summary>The seller tax representative (BG-11) printed among the mentions, in both languages, and in the Factur-X XML.</summary>
public sealed class TaxRepresentativePdfTests
{
    private static readonly TaxRepresentative Representative = new()
    {
        Name = "Représentation Fiscale Lyon SARL",
        VatId = "FR40303265045",
        Address = new PostalAddress { Line1 = "8 quai Saint-Antoine", City = "Lyon", PostCode = "69002", CountryCode = "FR" },
    };

    private static Invoice Sample() => TestInvoices.Sample() with { SellerTaxRepresentative = Representative };

    [Theory]
    [InlineData(PdfLanguage.French, "Représentant fiscal : Représentation Fiscale Lyon SARL, 8 quai Saint-Antoine, 69002 Lyon, TVA FR40303265045")]
    [InlineData(PdfLanguage.English, "Tax representative : Représentation Fiscale Lyon SARL, 8 quai Saint-Antoine, 69002 Lyon, VAT FR40303265045")]
    public void ToBytes_WithRepresentative_PrintsNameAddressAndVatId(PdfLanguage language, string expected)
    {
        var pdf = InvoicePdf.ToBytes(Sample(), new PdfRenderOptions { Language = language });

        Assert.Contains(expected, PdfAssert.AllText(pdf), StringComparison.Ordinal);
        PdfAssert.QpdfCheckPasses(pdf);
    }

    [Fact]
    public void ToBytes_ForeignRepresentativeWithoutVatId_PrintsItsCountryAndNoVatLabel()
    {
        var invoice = TestInvoices.Sample() with { SellerTaxRepresentative = new TaxRepresentative { Name = "Steuervertreter GmbH", Address = new PostalAddress { City = "Berlin", CountryCode = "DE" } } };

        var text = PdfAssert.AllText(InvoicePdf.ToBytes(invoice));

        Assert.Contains("Représentant fiscal : Steuervertreter GmbH, Berlin, DE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Steuervertreter GmbH, Berlin, DE, TVA", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToBytes_WithoutRepresentative_PrintsNoRepresentativeMention()
    {
        var text = PdfAssert.AllText(InvoicePdf.ToBytes(TestInvoices.Sample()));

        Assert.DoesNotContain("Représentant fiscal", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FacturX_WithRepresentative_EmbedsItInTheXml()
    {
        var pdf = FacturXPdf.ToBytes(Sample(), FacturXProfile.En16931);

        Assert.Equal(Representative, FacturXReader.Read(pdf).Invoice.SellerTaxRepresentative);
    }

    [Fact]
    public void ToBytes_RepresentativeWithoutNameOrCountry_ThrowsValidationNamingEachField()
    {
        var invoice = TestInvoices.Sample() with { SellerTaxRepresentative = Representative with { Name = " ", Address = Representative.Address! with { CountryCode = null! } } };

        var exception = Assert.Throws<InvoiceValidationException>(() => InvoicePdf.ToBytes(invoice));

        Assert.Contains(exception.Issues, i => i is { RuleId: "PDF-REQUIRED", Path: "SellerTaxRepresentative.Name" } && i.Message.Contains("BR-18", StringComparison.Ordinal));
        Assert.Contains(exception.Issues, i => i is { RuleId: "PDF-REQUIRED", Path: "SellerTaxRepresentative.Address.CountryCode" } && i.Message.Contains("BR-20", StringComparison.Ordinal));
    }
}
