using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;
using static Invoicing.EInvoicing.Tests.ReadTestXml;

namespace Invoicing.EInvoicing.Tests;

/// <summary>Reading the seller tax representative (BG-11) from CII and UBL, from the corpus and from hostile input.</summary>
public sealed class TaxRepresentativeReadTests
{
    private static readonly TaxRepresentative Representative = new()
    {
        Name = "Représentation Fiscale Lyon SARL",
        VatId = "FR40303265045",
        Address = new PostalAddress { Line1 = "8 quai Saint-Antoine", City = "Lyon", PostCode = "69002", CountryCode = "FR" },
    };

    private static Invoice Sample() => CiiSamples.Domestic() with { SellerTaxRepresentative = Representative };

    [Fact]
    public void Read_CiiCorpusExample2_ReadsNameAddressAndVatId()
    {
        var invoice = EInvoiceReader.Read(Corpus("en16931/cii-examples/CII_example2.xml")).Invoice;

        Assert.Equal(
            new TaxRepresentative
            {
                Name = "Tax handling company AS",
                VatId = "NO967611265MVA",
                Address = new PostalAddress { PostCode = "202", Line1 = "Regent street", Line2 = "Front door", City = "Newtown", CountryCode = "NO", Subdivision = "RegionC" },
            },
            invoice.SellerTaxRepresentative);
    }

    [Fact]
    public void Read_UblGreekCorpusExample_ReadsTheRepresentativeThatCarriesTheVatId()
    {
        var invoice = EInvoiceReader.Read(Corpus("peppol/national/GR/GR-base-example-TaxRepresentative.xml")).Invoice;

        var representative = Assert.IsType<TaxRepresentative>(invoice.SellerTaxRepresentative);
        Assert.Equal("TaxRepresentative Name", representative.Name);
        Assert.Equal("EL061828591", representative.VatId);
        Assert.Equal(new PostalAddress { Line1 = "Regent street 32", Line2 = "Building 23", Line3 = "Back door", City = "London", PostCode = "23W 45H", Subdivision = "Subentity", CountryCode = "GR" }, representative.Address);
        Assert.Null(invoice.Seller.VatId);
        Assert.False(InvoiceValidator.Validate(invoice).Has("BR-S-02"));
    }

    [Fact]
    public void Read_CiiRepresentativeWithoutName_IsATypedErrorNamingBt62AndBr18()
    {
        var bytes = Edit(CiiWriter.ToBytes(Sample()), root => root.Descendants(Ram + "SellerTaxRepresentativeTradeParty").Single().Element(Ram + "Name")!.Value = " ");

        var error = Assert.Throws<InvoiceFormatException>(() => EInvoiceReader.Read(bytes));

        Assert.Contains("BT-62, BR-18", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("SellerTaxRepresentativeTradeParty/Name", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CiiRepresentativeAddressWithoutCountry_IsATypedErrorNamingBt69AndBr20()
    {
        var bytes = Edit(CiiWriter.ToBytes(Sample()), root => root.Descendants(Ram + "SellerTaxRepresentativeTradeParty").Single().Descendants(Ram + "CountryID").Single().Remove());

        var error = Assert.Throws<InvoiceFormatException>(() => EInvoiceReader.Read(bytes));

        Assert.Contains("BT-69, BR-20", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("SellerTaxRepresentativeTradeParty/PostalTradeAddress/CountryID", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CiiRepresentativeWithOtherTaxSchemeOnly_HasNoVatId()
    {
        var bytes = Edit(CiiWriter.ToBytes(Sample()), root =>
            root.Descendants(Ram + "SellerTaxRepresentativeTradeParty").Single().Descendants(Ram + "ID").Single().SetAttributeValue("schemeID", "FC"));

        var invoice = EInvoiceReader.Read(bytes).Invoice;

        Assert.Null(invoice.SellerTaxRepresentative!.VatId);
        Assert.True(InvoiceValidator.Validate(invoice).Has("BR-56"));
    }

    [Fact]
    public void Read_UblRepresentativeWithoutPartyName_IsATypedErrorNamingBt62AndBr18()
    {
        var bytes = Edit(UblWriter.Write(Sample()), root => root.Element(Cac + "TaxRepresentativeParty")!.Element(Cac + "PartyName")!.Remove());

        var error = Assert.Throws<InvoiceFormatException>(() => UblReader.Read(bytes));

        Assert.Contains("BT-62, BR-18", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("TaxRepresentativeParty/PartyName", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UblRepresentativeAddressWithoutCountry_IsATypedErrorNamingBt69AndBr20()
    {
        var bytes = Edit(UblWriter.Write(Sample()), root => root.Element(Cac + "TaxRepresentativeParty")!.Element(Cac + "PostalAddress")!.Element(Cac + "Country")!.Remove());

        var error = Assert.Throws<InvoiceFormatException>(() => UblReader.Read(bytes));

        Assert.Contains("BT-69, BR-20", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("TaxRepresentativeParty/PostalAddress/Country", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UblRepresentativeWithHostileLongName_KeepsItAsText()
    {
        var name = new string('x', 10_000) + "<&>";
        var bytes = UblWriter.Write(CiiSamples.Domestic() with { SellerTaxRepresentative = Representative with { Name = name } });

        Assert.Equal(name, UblReader.Read(bytes).Invoice.SellerTaxRepresentative!.Name);
    }
}
