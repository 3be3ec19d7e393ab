using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;
using static Invoicing.EInvoicing.Tests.ReadTestXml;

namespace Invoicing.EInvoicing.Tests;

/// <summary>The seller tax representative (BG-11: BT-62, BT-63, BG-12) written as CII and UBL and read back.</summary>
public sealed class TaxRepresentativeWriteTests
{
    private static readonly TaxRepresentative Representative = new()
    {
        Name = "Représentation Fiscale Lyon SARL",
        VatId = "FR40303265045",
        Address = new PostalAddress { Line1 = "8 quai Saint-Antoine", Line2 = "2e étage", Line3 = "Porte B", City = "Lyon", PostCode = "69002", Subdivision = "Rhône", CountryCode = "FR" },
    };

    public static TheoryData<FacturXProfile> ProfilesCarryingIt => [FacturXProfile.BasicWl, FacturXProfile.Basic, FacturXProfile.En16931, FacturXProfile.Extended];

    private static Invoice WithRepresentative(Invoice invoice) => invoice with { SellerTaxRepresentative = Representative };

    [Fact]
    public void ToBytes_En16931_WritesTheRepresentativeRightAfterTheBuyer()
    {
        var bytes = CiiWriter.ToBytes(WithRepresentative(CiiSamples.Domestic()));

        var agreement = Load(bytes).Root!.Descendants(Ram + "ApplicableHeaderTradeAgreement").Single();
        var party = Assert.Single(agreement.Elements(Ram + "SellerTaxRepresentativeTradeParty"));
        Assert.Equal(Ram + "BuyerTradeParty", ((XElement)party.PreviousNode!).Name);
        Assert.Equal([Ram + "Name", Ram + "PostalTradeAddress", Ram + "SpecifiedTaxRegistration"], party.Elements().Select(e => e.Name));
        Assert.Equal("Représentation Fiscale Lyon SARL", party.Element(Ram + "Name")!.Value);
        Assert.Equal("FR", party.Element(Ram + "PostalTradeAddress")!.Element(Ram + "CountryID")!.Value);
        var id = party.Element(Ram + "SpecifiedTaxRegistration")!.Element(Ram + "ID")!;
        Assert.Equal(("VA", "FR40303265045"), ((string?)id.Attribute("schemeID"), id.Value));
    }

    [Theory]
    [MemberData(nameof(ProfilesCarryingIt))]
    public void Write_ProfileCarryingBg11_WritesItValidAgainstTheSchemaAndReadsItBack(FacturXProfile profile)
    {
        using var output = new MemoryStream();

        var losses = CiiWriter.Write(WithRepresentative(CiiSamples.Domestic()), profile, output);

        Assert.DoesNotContain(losses, l => l.Path == "sellerTaxRepresentative");
        Assert.Empty(CiiSchema.Validate(output.ToArray()));
        Assert.Equal(Representative, EInvoiceReader.Read(output.ToArray()).Invoice.SellerTaxRepresentative);
    }

    [Fact]
    public void Write_Minimum_LeavesItOutAndReportsAProfileLoss()
    {
        using var output = new MemoryStream();

        var losses = CiiWriter.Write(WithRepresentative(CiiSamples.Domestic()), FacturXProfile.Minimum, output);

        var loss = Assert.Single(losses, l => l.Path == "sellerTaxRepresentative");
        Assert.Equal("CII-PROFILE", loss.RuleId);
        Assert.Contains("BG-11", loss.Message, StringComparison.Ordinal);
        Assert.Empty(Load(output.ToArray()).Root!.Descendants(Ram + "SellerTaxRepresentativeTradeParty"));
        Assert.Throws<InvoiceValidationException>(() => CiiWriter.ToBytes(WithRepresentative(CiiSamples.Domestic()), FacturXProfile.Minimum, throwOnDataLoss: true));
    }

    [Theory]
    [InlineData("domestic")]
    [InlineData("credit-note")]
    [InlineData("intra-eu-k")]
    public void ReadCii_WrittenWithRepresentative_GivesAnEqualInvoice(string sample)
    {
        var invoice = WithRepresentative(CiiSamples.Named(sample));

        var read = EInvoiceReader.Read(CiiWriter.ToBytes(invoice, FacturXProfile.Extended)).Invoice;

        Assert.Equal(Representative, read.SellerTaxRepresentative);
        Assert.Equal(read, EInvoiceReader.Read(CiiWriter.ToBytes(read, FacturXProfile.Extended)).Invoice);
    }

    [Theory]
    [InlineData("domestic")]
    [InlineData("credit-note")]
    public void WriteUbl_WithRepresentative_PlacesItBetweenPayeeAndDeliveryAndValidates(string sample)
    {
        var invoice = WithRepresentative(CiiSamples.Named(sample)) with
        {
            Payee = new Party { Name = "Affacturage Lyon SA" },
            Delivery = new Delivery { Date = new NodaTime.LocalDate(2026, 3, 10) },
        };

        var bytes = UblWriter.Write(invoice);

        var children = Load(bytes).Root!.Elements().Select(e => e.Name.LocalName).ToList();
        var position = children.IndexOf("TaxRepresentativeParty");
        Assert.Equal("PayeeParty", children[position - 1]);
        Assert.Equal("Delivery", children[position + 1]);
        var party = Load(bytes).Root!.Element(Cac + "TaxRepresentativeParty")!;
        Assert.Equal("Représentation Fiscale Lyon SARL", party.Element(Cac + "PartyName")!.Element(Cbc + "Name")!.Value);
        Assert.Equal("FR40303265045", party.Element(Cac + "PartyTaxScheme")!.Element(Cbc + "CompanyID")!.Value);
        Assert.Equal("VAT", party.Element(Cac + "PartyTaxScheme")!.Element(Cac + "TaxScheme")!.Element(Cbc + "ID")!.Value);
        Assert.Empty(UblSchema.Validate(bytes));
        Assert.DoesNotContain(UblSyntaxRules.Validate(bytes), i => i.RuleId is "BR-18" or "BR-19" or "BR-20" or "BR-56");
    }

    [Theory]
    [InlineData("domestic")]
    [InlineData("credit-note")]
    [InlineData("export-g")]
    public void ReadUbl_WrittenWithRepresentative_GivesAnEqualInvoice(string sample)
    {
        var invoice = WithRepresentative(CiiSamples.Named(sample));

        var read = UblReader.Read(UblWriter.Write(invoice)).Invoice;

        Assert.Equal(Representative, read.SellerTaxRepresentative);
        Assert.Equal(read, UblReader.Read(UblWriter.Write(read)).Invoice);
    }

    [Fact]
    public void Write_SellerWithoutVatIdRepresented_MeetsBrS02InBothSyntaxes()
    {
        // The Greek case of the corpus: the seller's VAT id is only on its tax representative.
        var invoice = WithRepresentative(CiiSamples.Simple(VatCategory.S, 20m)) with { Seller = CiiSamples.Seller with { VatId = null, TaxRegistrationId = null } };

        Assert.False(InvoiceValidator.Validate(invoice).Has("BR-S-02"));
        Assert.DoesNotContain(UblSyntaxRules.Validate(UblWriter.Write(invoice)), i => i.RuleId.StartsWith("BR-S-", StringComparison.Ordinal));
        Assert.DoesNotContain(UblSyntaxRules.Validate(UblWriter.Write(invoice with { SellerTaxRepresentative = null })), i => i.RuleId == "BR-CO-26");
        Assert.Contains(UblSyntaxRules.Validate(UblWriter.Write(invoice with { SellerTaxRepresentative = null })), i => i.RuleId == "BR-S-02");
    }

    [Fact]
    public void Write_NoRepresentative_WritesNoElement()
    {
        Assert.Empty(Load(CiiWriter.ToBytes(CiiSamples.Domestic())).Root!.Descendants(Ram + "SellerTaxRepresentativeTradeParty"));
        Assert.Null(Load(UblWriter.Write(CiiSamples.Domestic())).Root!.Element(Cac + "TaxRepresentativeParty"));
    }

    public static TheoryData<string, string, string> BadRepresentatives => new()
    {
        { "blank name", "BR-18", "sellerTaxRepresentative.name" },
        { "null name", "BR-18", "sellerTaxRepresentative.name" },
        { "blank country", "BR-20", "sellerTaxRepresentative.address.countryCode" },
        { "null country", "BR-20", "sellerTaxRepresentative.address.countryCode" },
    };

    [Theory]
    [MemberData(nameof(BadRepresentatives))]
    public void Write_BadRepresentative_RefusesWithTheRuleAndFieldAndWritesNothing(string name, string rule, string path)
    {
        var representative = name switch
        {
            "blank name" => Representative with { Name = "  " },
            "null name" => Representative with { Name = null! },
            "blank country" => Representative with { Address = Representative.Address! with { CountryCode = "" } },
            _ => Representative with { Address = Representative.Address! with { CountryCode = null! } },
        };
        var invoice = CiiSamples.Domestic() with { SellerTaxRepresentative = representative };
        using var cii = new MemoryStream();
        using var ubl = new MemoryStream();

        var ciiError = Assert.Throws<InvoiceValidationException>(() => CiiWriter.Write(invoice, FacturXProfile.En16931, cii));
        var ublError = Assert.Throws<InvoiceValidationException>(() => UblWriter.Write(invoice, ubl));

        Assert.Contains(ciiError.Issues, i => i.RuleId == rule && i.Path == path);
        Assert.Contains(ublError.Issues, i => i.RuleId == rule && i.Path == path);
        Assert.Equal(0, cii.Length);
        Assert.Equal(0, ubl.Length);
    }

    [Fact]
    public void Write_RepresentativeWithoutAddressOrVatId_IsWrittenAndTheValidatorReportsIt()
    {
        var invoice = CiiSamples.Domestic() with { SellerTaxRepresentative = new TaxRepresentative { Name = "Représentant" } };

        var cii = EInvoiceReader.Read(CiiWriter.ToBytes(invoice)).Invoice;
        var ubl = UblReader.Read(UblWriter.Write(invoice)).Invoice;

        Assert.Equal(invoice.SellerTaxRepresentative, cii.SellerTaxRepresentative);
        Assert.Equal(invoice.SellerTaxRepresentative, ubl.SellerTaxRepresentative);
        Assert.True(InvoiceValidator.Validate(cii).Has("BR-19"));
        Assert.True(InvoiceValidator.Validate(cii).Has("BR-56"));
        var rules = UblSyntaxRules.Validate(UblWriter.Write(invoice)).Select(i => i.RuleId).ToHashSet();
        Assert.Contains("BR-19", rules);
        Assert.Contains("BR-56", rules);
    }
}
