using NodaTime;
using Xunit;

namespace Invoicing.Core.Tests.Vat;

public sealed class VatResolverTests
{
    private static readonly LocalDate Date = new(2026, 11, 2);

    private static VatSituation Situation(string seller, string buyer, bool business = true, string? vatId = "DE123456789", SupplyKind supply = SupplyKind.Goods) => new()
    {
        SellerCountry = seller,
        BuyerCountry = buyer,
        BuyerIsBusiness = business,
        BuyerVatId = vatId,
        Supply = supply,
        Date = Date,
    };

    [Fact]
    public void Resolve_Domestic_IsStandardRateOfTheSellerCountry()
    {
        var treatment = VatResolver.Resolve(Situation("FR", "FR", vatId: "FR11123456782"));

        Assert.Equal(new VatTreatment(VatCategory.S, 20m, null), treatment);
        Assert.Null(treatment.ToExemption());
    }

    [Fact]
    public void Resolve_DomesticReducedKind_UsesThatRate()
    {
        var treatment = VatResolver.Resolve(Situation("FR", "FR") with { RateKind = VatRateKind.Reduced });

        Assert.Equal(5.5m, treatment.Rate);
    }

    [Fact]
    public void Resolve_GermanDomesticInSecondHalfOf2020_Is16Percent()
    {
        var treatment = VatResolver.Resolve(Situation("DE", "DE") with { Date = new LocalDate(2020, 9, 1) });

        Assert.Equal(16m, treatment.Rate);
    }

    [Fact]
    public void Resolve_IntraEuBusinessGoods_IsKWithArticle262Ter()
    {
        var treatment = VatResolver.Resolve(Situation("FR", "DE"));

        Assert.Equal(VatCategory.K, treatment.Category);
        Assert.Equal(0m, treatment.Rate);
        Assert.Equal(new VatExemption(VatCategory.K, "VATEX-EU-IC", "Exonération de TVA, article 262 ter, I du CGI"), treatment.ToExemption());
    }

    [Fact]
    public void Resolve_IntraEuBusinessServices_IsReverseChargeAutoliquidation()
    {
        var treatment = VatResolver.Resolve(Situation("FR", "BE", supply: SupplyKind.Services));

        Assert.Equal(VatCategory.AE, treatment.Category);
        Assert.Equal(0m, treatment.Rate);
        Assert.Equal("VATEX-EU-AE", treatment.Mention!.ReasonCode);
        Assert.Equal("Autoliquidation", treatment.Mention.French);
    }

    [Fact]
    public void Resolve_IntraEuConsumer_IsTaxedAtTheSellerRate()
    {
        var treatment = VatResolver.Resolve(Situation("FR", "DE", business: false, vatId: null));

        Assert.Equal(new VatTreatment(VatCategory.S, 20m, null), treatment);
    }

    [Fact]
    public void Resolve_IntraEuBusinessWithoutVatId_IsTaxedAtTheSellerRate()
    {
        var treatment = VatResolver.Resolve(Situation("FR", "DE", vatId: "  "));

        Assert.Equal(VatCategory.S, treatment.Category);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Resolve_ExportOfGoods_IsGWithArticle262I(bool business)
    {
        var treatment = VatResolver.Resolve(Situation("FR", "US", business, vatId: null));

        Assert.Equal(VatCategory.G, treatment.Category);
        Assert.Equal(0m, treatment.Rate);
        Assert.Equal("VATEX-EU-G", treatment.Mention!.ReasonCode);
        Assert.Equal("Exonération de TVA, article 262 I du CGI", treatment.Mention.French);
    }

    [Fact]
    public void Resolve_ServicesToBusinessOutsideTheEu_IsOutOfScopeWithoutRate()
    {
        var treatment = VatResolver.Resolve(Situation("FR", "CH", vatId: null, supply: SupplyKind.Services));

        Assert.Equal(VatCategory.O, treatment.Category);
        Assert.Null(treatment.Rate);
        Assert.Equal("VATEX-EU-O", treatment.Mention!.ReasonCode);
    }

    [Fact]
    public void Resolve_ServicesToConsumerOutsideTheEu_IsTaxedAtHome()
    {
        var treatment = VatResolver.Resolve(Situation("FR", "CH", business: false, vatId: null, supply: SupplyKind.Services));

        Assert.Equal(VatCategory.S, treatment.Category);
    }

    [Theory]
    [InlineData("FR")]
    [InlineData("DE")]
    [InlineData("US")]
    public void Resolve_FrenchFranchise_IsEWithArticle293BWhateverTheBuyer(string buyer)
    {
        var treatment = VatResolver.Resolve(Situation("FR", buyer) with { SellerFranchise = true });

        Assert.Equal(VatCategory.E, treatment.Category);
        Assert.Equal(0m, treatment.Rate);
        Assert.Equal(new VatExemption(VatCategory.E, "VATEX-FR-FRANCHISE", "TVA non applicable, art. 293 B du CGI"), treatment.ToExemption());
    }

    [Fact]
    public void Resolve_FranchiseOutsideFrance_ThrowsTypedErrorNamingTheFlag()
    {
        var error = Assert.Throws<InvoiceValidationException>(() => VatResolver.Resolve(Situation("DE", "DE") with { SellerFranchise = true }));

        Assert.Equal("VAT-FRANCHISE", error.Issues[0].RuleId);
        Assert.Equal("sellerFranchise", error.Issues[0].Path);
    }

    [Theory]
    [InlineData(null, "FR", "sellerCountry")]
    [InlineData("F", "FR", "sellerCountry")]
    [InlineData("FR", "", "buyerCountry")]
    [InlineData("FR", "1X", "buyerCountry")]
    [InlineData("FR", "FRANCE", "buyerCountry")]
    public void Resolve_MalformedCountry_ThrowsTypedErrorNamingTheField(string? seller, string? buyer, string path)
    {
        var error = Assert.Throws<InvoiceValidationException>(() => VatResolver.Resolve(Situation(seller!, buyer!)));

        Assert.Equal("VAT-COUNTRY", error.Issues[0].RuleId);
        Assert.Equal(path, error.Issues[0].Path);
    }

    [Fact]
    public void Resolve_DomesticInCountryWithoutTable_ThrowsTypedError()
    {
        var error = Assert.Throws<InvoiceValidationException>(() => VatResolver.Resolve(Situation("PL", "PL")));

        Assert.Equal("VAT-RATE-COUNTRY", error.Issues[0].RuleId);
    }

    [Fact]
    public void Resolve_Null_ThrowsTypedError()
    {
        var error = Assert.Throws<InvoiceValidationException>(() => VatResolver.Resolve(null!));

        Assert.Equal("VAT-SITUATION", error.Issues[0].RuleId);
    }

    [Theory]
    [InlineData("GR", true)]
    [InlineData("EL", true)]
    [InlineData("de", true)]
    [InlineData("GB", false)]
    [InlineData("CH", false)]
    [InlineData(null, false)]
    public void IsMember_Country_IsEuMembership(string? country, bool expected)
    {
        Assert.Equal(expected, EuropeanUnion.IsMember(country));
    }
}
