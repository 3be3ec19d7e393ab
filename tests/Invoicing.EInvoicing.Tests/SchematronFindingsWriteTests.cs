using System.Text;
using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.EInvoicing.Tests;

/// <summary>
/// What the official CEN EN 16931 schematron (release 1.3.16, <c>eng/check-schematron.sh</c>) found in our output,
/// pinned so that it cannot come back. See docs/conformance.md, "Official schematron on our output".
/// </summary>
public sealed class SchematronFindingsWriteTests
{
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static readonly XNamespace Cbc = UblNames.Cbc;
    private static readonly XNamespace Cac = UblNames.Cac;

    private static XDocument Parse(byte[] bytes) => XDocument.Load(new MemoryStream(bytes));

    /// <summary>A valid invoice (no BT-8 next to BT-7, BR-CO-03) over two VAT rates, so two VAT breakdown rows.</summary>
    private static Invoice TwoRatesWithVatPointDate() => CiiSamples.Domestic();

    [Theory]
    [InlineData(FacturXProfile.BasicWl)]
    [InlineData(FacturXProfile.Basic)]
    [InlineData(FacturXProfile.En16931)]
    [InlineData(FacturXProfile.Extended)]
    public void ToBytes_VatPointDateWithTwoVatRows_WritesOneTaxPointDate(FacturXProfile profile)
    {
        var invoice = TwoRatesWithVatPointDate();

        var bytes = CiiWriter.ToBytes(invoice, profile);

        // CII-SR-461: only one TaxPointDate shall be present.
        var rows = Parse(bytes).Descendants(Ram + "ApplicableHeaderTradeSettlement").Single().Elements(Ram + "ApplicableTradeTax").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows.Elements(Ram + "TaxPointDate"));
        Assert.Equal("20260310", rows[0].Element(Ram + "TaxPointDate")!.Value);
        Assert.Equal(invoice.VatPointDate, EInvoiceReader.Read(bytes).Invoice.VatPointDate);
    }

    [Fact]
    public void ToBytes_VatDueDateTypeWithTwoVatRows_WritesTheSameCodeOnEachRow()
    {
        var invoice = TwoRatesWithVatPointDate() with { VatPointDate = null, VatDueDateType = VatDueDateType.PaymentDate };

        var bytes = CiiWriter.ToBytes(invoice);

        // CII-SR-462: DueDateTypeCode may repeat but with one value only.
        var codes = Parse(bytes).Descendants(Ram + "DueDateTypeCode").Select(e => e.Value).ToList();
        Assert.Equal(["72", "72"], codes);
        Assert.Equal(VatDueDateType.PaymentDate, EInvoiceReader.Read(bytes).Invoice.VatDueDateType);
    }

    [Fact]
    public void Write_VatAccountingCurrencyEqualToInvoiceCurrency_OmitsBt6AndReportsIt()
    {
        var invoice = CiiSamples.Simple(VatCategory.S, 20m) with { VatAccountingCurrency = Currency.Eur, VatTotalInAccountingCurrency = 51.00m };
        using var output = new MemoryStream();

        var losses = CiiWriter.Write(invoice, FacturXProfile.En16931, output);

        // The CII binding of BR-53 requires BT-6 to differ from BT-5.
        var settlement = Parse(output.ToArray()).Descendants(Ram + "ApplicableHeaderTradeSettlement").Single();
        Assert.Null(settlement.Element(Ram + "TaxCurrencyCode"));
        Assert.Single(settlement.Descendants(Ram + "TaxTotalAmount"));
        var loss = Assert.Single(losses);
        Assert.Equal("CII-LOSS", loss.RuleId);
        Assert.Equal("vatAccountingCurrency", loss.Path);
        Assert.Equal(ValidationSeverity.Warning, loss.Severity);
    }

    [Fact]
    public void Write_VatAccountingCurrencyEqualToInvoiceCurrencyWhenAskedToThrow_ThrowsNamingTheField()
    {
        var invoice = CiiSamples.Simple(VatCategory.S, 20m) with { VatAccountingCurrency = Currency.Eur, VatTotalInAccountingCurrency = 51.00m };
        using var output = new MemoryStream();

        var error = Assert.Throws<InvoiceValidationException>(() => CiiWriter.Write(invoice, FacturXProfile.En16931, output, throwOnDataLoss: true));

        Assert.Contains(error.Issues, i => i.RuleId == "CII-LOSS" && i.Path == "vatAccountingCurrency");
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void ToBytes_VatAccountingCurrencyOtherThanInvoiceCurrency_WritesBt6AndBt111()
    {
        var invoice = CiiSamples.Simple(VatCategory.S, 20m) with { VatAccountingCurrency = Currency.FromCode("SEK"), VatTotalInAccountingCurrency = 580.25m };

        var bytes = CiiWriter.ToBytes(invoice);

        var settlement = Parse(bytes).Descendants(Ram + "ApplicableHeaderTradeSettlement").Single();
        Assert.Equal("SEK", settlement.Element(Ram + "TaxCurrencyCode")!.Value);
        Assert.Equal(["EUR", "SEK"], settlement.Descendants(Ram + "TaxTotalAmount").Select(e => e.Attribute("currencyID")!.Value));
        var read = EInvoiceReader.Read(bytes).Invoice;
        Assert.Equal(invoice.VatAccountingCurrency, read.VatAccountingCurrency);
        Assert.Equal(invoice.VatTotalInAccountingCurrency, read.VatTotalInAccountingCurrency);
    }

    [Fact]
    public void Write_TwoCreditTransfersWithMeansText_WritesTheTextOnce()
    {
        var invoice = CiiSamples.Simple(VatCategory.S, 20m) with
        {
            PaymentInstructions = new PaymentInstructions
            {
                MeansCode = PaymentInstructions.SepaCreditTransfer,
                MeansText = "Virement SEPA",
                RemittanceInformation = "F2026-00100",
                CreditTransfers = [new CreditTransfer("FR7630006000011234567890189", "Atelier Dupont", "AGRIFRPP"), new CreditTransfer("DE89370400440532013000", "Atelier Dupont", "COBADEFF")],
            },
        };

        var bytes = UblWriter.Write(invoice);

        // UBL-SR-46: the payment means text (PaymentMeansCode/@name) occurs at most once.
        var codes = Parse(bytes).Root!.Elements(Cac + "PaymentMeans").Select(m => m.Element(Cbc + "PaymentMeansCode")!).ToList();
        Assert.Equal(2, codes.Count);
        Assert.Equal(["Virement SEPA"], codes.Select(c => c.Attribute("name")?.Value).OfType<string>());
        Assert.All(codes, c => Assert.Equal("58", c.Value));
        Assert.Equal(invoice.PaymentInstructions, UblReader.Read(bytes).Invoice.PaymentInstructions);
    }

    /// <summary>An invoice that meets the Peppol rules on content: one note, an order reference, no business process.</summary>
    private static Invoice PeppolReady() => CiiSamples.Simple(VatCategory.S, 20m) with
    {
        PurchaseOrderReference = "PO-4711",
        BusinessProcessType = null,
        Notes = [new InvoiceNote("Merci")],
    };

    [Fact]
    public void Write_InvoiceMeetingPeppolRules_ClaimsPeppolBisWithTheDefaultProcess()
    {
        var root = Parse(UblWriter.Write(PeppolReady())).Root!;

        Assert.Equal(UblNames.PeppolCustomizationId, root.Element(Cbc + "CustomizationID")!.Value);
        Assert.Equal(UblNames.PeppolProfileId, root.Element(Cbc + "ProfileID")!.Value);
    }

    [Fact]
    public void Write_PeppolProcessOtherThanTheDefault_IsKeptWithPeppolBis()
    {
        var invoice = PeppolReady() with { BusinessProcessType = "urn:fdc:peppol.eu:2017:poacc:billing:03:1.0" };

        var bytes = UblWriter.Write(invoice);

        Assert.Equal(UblNames.PeppolCustomizationId, Parse(bytes).Root!.Element(Cbc + "CustomizationID")!.Value);
        Assert.Equal(invoice, UblReader.Read(bytes).Invoice);
    }

    public static TheoryData<string> PeppolBreaches() => new(["two notes (R002)", "French billing mode (R007)", "no buyer or order reference (R003)", "malformed Peppol process (R007)"]);

    private static Invoice Breaching(string breach) => breach switch
    {
        "two notes (R002)" => PeppolReady() with { Notes = [new InvoiceNote("Pénalités de retard : 3 fois le taux légal", InvoiceNote.LatePaymentPenalties), new InvoiceNote("Indemnité forfaitaire : 40 EUR", InvoiceNote.RecoveryIndemnity)] },
        "French billing mode (R007)" => PeppolReady() with { BusinessProcessType = FrenchBillingMode.S1 },
        "no buyer or order reference (R003)" => PeppolReady() with { PurchaseOrderReference = null },
        "malformed Peppol process (R007)" => PeppolReady() with { BusinessProcessType = "urn:fdc:peppol.eu:2017:poacc:billing:1:1.0" },
        _ => throw new ArgumentOutOfRangeException(nameof(breach), breach, null),
    };

    [Theory]
    [MemberData(nameof(PeppolBreaches))]
    public void Write_InvoiceBreakingAPeppolContentRule_ClaimsEn16931OnlyAndLosesNothing(string breach)
    {
        var invoice = Breaching(breach);
        using var output = new MemoryStream();

        var losses = UblWriter.Write(invoice, output);

        var root = Parse(output.ToArray()).Root!;
        Assert.Equal(UblNames.En16931CustomizationId, root.Element(Cbc + "CustomizationID")!.Value);
        Assert.Equal(invoice.BusinessProcessType, root.Element(Cbc + "ProfileID")?.Value);
        Assert.Empty(losses);
        Assert.Equal(invoice, UblReader.Read(output.ToArray()).Invoice);
    }

    [Fact]
    public void Write_SeveralNotesBetweenGermanParties_StaysPeppolBis()
    {
        var invoice = PeppolReady() with
        {
            Notes = [new InvoiceNote("Erste"), new InvoiceNote("Zweite")],
            Seller = CiiSamples.Seller with { Address = CiiSamples.Seller.Address! with { CountryCode = "DE" }, VatId = "DE123456789" },
            Buyer = CiiSamples.Buyer with { Address = CiiSamples.Buyer.Address! with { CountryCode = "DE" }, VatId = "DE987654321" },
        };

        Assert.Equal(UblNames.PeppolCustomizationId, Parse(UblWriter.Write(invoice)).Root!.Element(Cbc + "CustomizationID")!.Value);
    }

    public static TheoryData<string> SampleFiles() =>
        new(Directory.GetFiles(Path.Combine(CiiTestPaths.RepositoryRoot, "samples", "invoices"), "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    private static Invoice Sample(string file)
    {
        var invoice = InvoiceJson.Deserialize(File.ReadAllText(Path.Combine(CiiTestPaths.RepositoryRoot, "samples", "invoices", file)));
        return invoice.Number is null ? invoice with { Number = "SAMPLE-1" } : invoice;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Write_SampleInvoice_IsValidAndWrittenWithoutLossInBothSyntaxes(string file)
    {
        var invoice = Sample(file);
        using var cii = new MemoryStream();
        using var ubl = new MemoryStream();

        Assert.Empty(InvoiceValidator.Validate(invoice).Errors);
        Assert.Empty(CiiWriter.Write(invoice, FacturXProfile.En16931, cii));
        // The only loss allowed is the French print mentions (legal form, share capital, register), which have no element.
        Assert.All(UblWriter.Write(invoice, ubl), l => Assert.Equal("seller", l.Path));
        Assert.DoesNotContain(UblSyntaxRules.Validate(ubl.ToArray()), i => i.Severity == ValidationSeverity.Error);
        // An invoice priced with VAT included is written as its net form (an e-invoice has no price with VAT).
        var printMentionsDropped = InvoiceCalculator.ToNetPrices(invoice) with { Seller = invoice.Seller with { LegalForm = null, ShareCapital = null, TradeRegister = null } };
        Assert.Equal(printMentionsDropped, EInvoiceReader.Read(cii.ToArray()).Invoice);
        Assert.Equal(printMentionsDropped, EInvoiceReader.Read(ubl.ToArray()).Invoice);
    }
}
