using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.Conformance.Tests;

/// <summary>
/// The corpus files that carry a seller tax representative (BG-11): read with it, written again in both syntaxes and
/// read back with the same representative.
/// </summary>
public sealed class TaxRepresentativeCorpusTests
{
    private const string Greek = "peppol/national/GR/GR-base-example-TaxRepresentative.xml";

    private static IEnumerable<string> CiiFilesWithBg11() =>
        CiiCorpus.Files().Where(f => File.ReadAllText(CiiCorpus.Path(f)).Contains("SellerTaxRepresentativeTradeParty>", StringComparison.Ordinal));

    private static IEnumerable<string> UblFilesWithBg11() =>
        UblCorpus.Files().Where(f => File.ReadAllText(UblCorpus.Path(f)).Contains("TaxRepresentativeParty>", StringComparison.Ordinal));

    public static TheoryData<string> CiiFiles() => [.. CiiFilesWithBg11()];

    public static TheoryData<string> UblFiles() => [.. UblFilesWithBg11()];

    [Fact]
    public void Files_Corpus_HasRepresentativesInBothSyntaxesIncludingTheGreekExample()
    {
        Assert.Contains("en16931/cii-examples/CII_example2.xml", CiiFilesWithBg11());
        Assert.Contains(Greek, UblFilesWithBg11());
    }

    [Theory]
    [MemberData(nameof(CiiFiles))]
    public void ReadCii_CorpusFileWithBg11_KeepsItThroughCiiAndUbl(string file)
    {
        var invoice = EInvoiceReader.Read(File.ReadAllBytes(CiiCorpus.Path(file))).Invoice;

        var representative = Assert.IsType<TaxRepresentative>(invoice.SellerTaxRepresentative);
        Assert.False(string.IsNullOrWhiteSpace(representative.Name));
        Assert.Equal(representative, EInvoiceReader.Read(CiiWriter.ToBytes(invoice, FacturXProfile.En16931)).Invoice.SellerTaxRepresentative);
        Assert.Equal(representative, UblReader.Read(UblWriter.Write(invoice)).Invoice.SellerTaxRepresentative);
    }

    [Theory]
    [MemberData(nameof(UblFiles))]
    public void ReadUbl_CorpusFileWithBg11_KeepsItThroughUblAndCii(string file)
    {
        var invoice = UblCorpus.Read(file).Invoice;

        var representative = Assert.IsType<TaxRepresentative>(invoice.SellerTaxRepresentative);
        Assert.False(string.IsNullOrWhiteSpace(representative.Name));
        Assert.Equal(representative, UblReader.Read(UblWriter.Write(invoice)).Invoice.SellerTaxRepresentative);
        Assert.Equal(representative, EInvoiceReader.Read(CiiWriter.ToBytes(invoice, FacturXProfile.En16931)).Invoice.SellerTaxRepresentative);
    }

    [Fact]
    public void Validate_GreekExampleWrittenAsCiiAndUbl_MeetsTheSellerVatRulesThroughBt63()
    {
        // The seller's VAT id (BT-31) is absent: only its tax representative has one (BT-63), which BR-S-02 and
        // BR-S-04 accept. Before BG-11 was carried, both were broken on the round trip.
        var invoice = UblCorpus.Read(Greek).Invoice;
        Assert.Null(invoice.Seller.VatId);

        var fromCii = EInvoiceReader.Read(CiiWriter.ToBytes(invoice, FacturXProfile.En16931)).Invoice;
        var ubl = UblWriter.Write(invoice);

        Assert.DoesNotContain(InvoiceValidator.Validate(fromCii).Errors, i => i.RuleId.StartsWith("BR-S-", StringComparison.Ordinal));
        Assert.DoesNotContain(UblSyntaxRules.Validate(ubl), i => i.RuleId.StartsWith("BR-S-", StringComparison.Ordinal) || i.RuleId is "BR-18" or "BR-19" or "BR-20" or "BR-56");
        Assert.Contains(UblSyntaxRules.Validate(UblWriter.Write(invoice with { SellerTaxRepresentative = null })), i => i.RuleId == "BR-S-02");
    }
}
