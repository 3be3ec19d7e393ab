using NodaTime;
using Xunit;
using static Invoicing.Core.Tests.Validation.ValidationFixtures;

namespace Invoicing.Core.Tests.Validation;

/// <summary>BG-11 (seller tax representative): BR-18, BR-19, BR-20, BR-56, BR-CO-09, and BT-63 in the VAT category rules.</summary>
public sealed class TaxRepresentativeRulesTests
{
    private static readonly TaxRepresentative Representative = new()
    {
        Name = "Représentation Fiscale Lyon SARL",
        VatId = "FR40303265045",
        Address = new PostalAddress { Line1 = "8 quai Saint-Antoine", City = "Lyon", PostCode = "69002", CountryCode = "FR" },
    };

    /// <summary>A seller established outside France (no French or other VAT id of its own) that has a French tax representative.</summary>
    private static Party ForeignSeller { get; } = new()
    {
        Name = "Lightworks Ltd",
        Identifiers = [new Identifier("5060012345678", "0088")],
        Address = new PostalAddress { Line1 = "1 Harbour Road", City = "Hamilton", CountryCode = "BM" },
    };

    private static readonly Dictionary<string, (Func<Invoice> Make, string Rule, string Path)> Broken = new()
    {
        ["blank name"] = (() => WithRepresentative(Representative with { Name = " " }), "BR-18", "sellerTaxRepresentative.name"),
        ["null name"] = (() => WithRepresentative(Representative with { Name = null! }), "BR-18", "sellerTaxRepresentative.name"),
        ["no address"] = (() => WithRepresentative(Representative with { Address = null }), "BR-19", "sellerTaxRepresentative.address"),
        ["no country"] = (() => WithRepresentative(Representative with { Address = Representative.Address! with { CountryCode = "" } }), "BR-20", "sellerTaxRepresentative.address.countryCode"),
        ["null country"] = (() => WithRepresentative(Representative with { Address = Representative.Address! with { CountryCode = null! } }), "BR-20", "sellerTaxRepresentative.address.countryCode"),
        ["country not ISO"] = (() => WithRepresentative(Representative with { Address = Representative.Address! with { CountryCode = "France" } }), "BR-CL-14", "sellerTaxRepresentative.address.countryCode"),
        ["no vat id"] = (() => WithRepresentative(Representative with { VatId = null }), "BR-56", "sellerTaxRepresentative.vatId"),
        ["blank vat id"] = (() => WithRepresentative(Representative with { VatId = "  " }), "BR-56", "sellerTaxRepresentative.vatId"),
        ["vat id without prefix"] = (() => WithRepresentative(Representative with { VatId = "40303265045" }), "BR-CO-09", "sellerTaxRepresentative.vatId"),
        ["O with representative vat id"] = (() => Foreign(VatCategory.O, null, VatMentions.OutOfScope) with { Buyer = FrenchBuyer with { VatId = null } }, "BR-O-02", "sellerTaxRepresentative.vatId"),
    };

    public static TheoryData<string> BrokenCases => [.. Broken.Keys];

    public static TheoryData<string, string> CategoriesAcceptingBt63 => new()
    {
        { "S", "BR-S-02" },
        { "Z", "BR-Z-02" },
        { "E", "BR-E-02" },
        { "AE", "BR-AE-02" },
        { "K", "BR-IC-02" },
        { "G", "BR-G-02" },
        { "L", "BR-AF-02" },
        { "M", "BR-AG-02" },
    };

    [Fact]
    public void Validate_CompleteRepresentative_HasNoIssue()
    {
        var result = InvoiceValidator.Validate(WithRepresentative(Representative));

        Assert.Empty(result.Issues);
    }

    [Theory]
    [MemberData(nameof(BrokenCases))]
    public void Validate_RepresentativeBreakingOneRule_ReportsThatRuleAtThatPath(string name)
    {
        var (make, rule, path) = Broken[name];

        var result = InvoiceValidator.Validate(make());

        var issue = Assert.Single(result.Errors, i => i.RuleId == rule && i.Path == path);
        Assert.Matches("B[TG]-[0-9]+", issue.Message);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_NoRepresentative_ChecksNoBg11Rule()
    {
        var result = InvoiceValidator.Validate(FrenchB2B());

        Assert.DoesNotContain(result.Issues, i => i.RuleId is "BR-18" or "BR-19" or "BR-20" or "BR-56");
    }

    [Theory]
    [MemberData(nameof(CategoriesAcceptingBt63))]
    public void Validate_SellerWithoutVatIdButRepresentativeWithOne_MeetsTheCategoryRule(string code, string rule)
    {
        var (category, rate, mention) = Category(code);

        var result = InvoiceValidator.Validate(Foreign(category, rate, mention));

        Assert.False(result.Has(rule), string.Join("; ", result.Issues.Select(i => $"{i.RuleId} {i.Path}")));
    }

    [Theory]
    [MemberData(nameof(CategoriesAcceptingBt63))]
    public void Validate_SellerWithoutVatIdAndNoRepresentative_BreaksTheCategoryRule(string code, string rule)
    {
        var (category, rate, mention) = Category(code);

        var result = InvoiceValidator.Validate(Foreign(category, rate, mention) with { SellerTaxRepresentative = null });

        Assert.Contains(result.Errors, i => i.RuleId == rule && i.Path == "seller.vatId");
    }

    [Fact]
    public void Validate_RepresentativeWithoutVatId_DoesNotStandInForTheSeller()
    {
        var invoice = Foreign(VatCategory.S, 20m, null) with { SellerTaxRepresentative = Representative with { VatId = null } };

        var result = InvoiceValidator.Validate(invoice);

        Assert.True(result.Has("BR-S-02"));
        Assert.True(result.Has("BR-56"));
    }

    [Fact]
    public void Validate_GWithOnlyATaxRegistrationId_BreaksBrG02()
    {
        // BR-G-02 accepts BT-31 or BT-63 only, unlike BR-S-02 which also accepts BT-32.
        var invoice = Foreign(VatCategory.G, 0m, VatMentions.Export) with
        {
            Seller = ForeignSeller with { TaxRegistrationId = "BM-123" },
            SellerTaxRepresentative = null,
        };

        var result = InvoiceValidator.Validate(invoice);

        Assert.Contains(result.Errors, i => i.RuleId == "BR-G-02" && i.Path == "seller.vatId");
    }

    [Fact]
    public void Validate_AeWithOnlyATaxRegistrationId_MeetsBrAe02()
    {
        var invoice = Foreign(VatCategory.AE, 0m, VatMentions.ReverseCharge) with
        {
            Seller = ForeignSeller with { TaxRegistrationId = "BM-123" },
            SellerTaxRepresentative = null,
        };

        Assert.False(InvoiceValidator.Validate(invoice).Has("BR-AE-02"));
    }

    [Fact]
    public void Validate_KWithRepresentativeFromTheBuyersCountry_ReportsOneCountry()
    {
        var invoice = Foreign(VatCategory.K, 0m, VatMentions.IntraCommunitySupply) with { Buyer = GermanBuyer with { VatId = "FR14987654324" } };

        var result = InvoiceValidator.Validate(invoice);

        Assert.Contains(result.Errors, i => i.RuleId == "INV-IC-COUNTRIES");
    }

    [Fact]
    public void Validate_OWithoutAnyVatId_HasNoBrO02()
    {
        var invoice = Foreign(VatCategory.O, null, VatMentions.OutOfScope) with { Buyer = FrenchBuyer with { VatId = null }, SellerTaxRepresentative = Representative with { VatId = null } };

        Assert.False(InvoiceValidator.Validate(invoice).Has("BR-O-02"));
    }

    private static Invoice WithRepresentative(TaxRepresentative representative) => FrenchB2B() with { SellerTaxRepresentative = representative };

    /// <summary>An invoice of one line in <paramref name="category"/> from a seller with no VAT id, represented in France.</summary>
    private static Invoice Foreign(VatCategory category, decimal? rate, VatMention? mention) => new()
    {
        Number = "BM-2026-7",
        IssueDate = new LocalDate(2026, 11, 2),
        DueDate = new LocalDate(2026, 12, 2),
        Currency = Currency.Eur,
        Seller = ForeignSeller,
        Buyer = category == VatCategory.K ? GermanBuyer : FrenchBuyer,
        SellerTaxRepresentative = Representative,
        Delivery = category == VatCategory.K ? new Delivery { Date = new LocalDate(2026, 10, 30), Address = new PostalAddress { City = "Berlin", CountryCode = "DE" } } : null,
        Lines = [Line("1", 2m, 50m, category, rate)],
        VatExemptions = mention is null ? [] : [mention.ToExemption()],
    };

    private static (VatCategory Category, decimal? Rate, VatMention? Mention) Category(string code) => code switch
    {
        "S" => (VatCategory.S, 20m, null),
        "Z" => (VatCategory.Z, 0m, null),
        "E" => (VatCategory.E, 0m, VatMentions.ExemptPublicInterest),
        "AE" => (VatCategory.AE, 0m, VatMentions.ReverseCharge),
        "K" => (VatCategory.K, 0m, VatMentions.IntraCommunitySupply),
        "G" => (VatCategory.G, 0m, VatMentions.Export),
        "L" => (VatCategory.L, 7m, null),
        "M" => (VatCategory.M, 4m, null),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a category of this test"),
    };
}
