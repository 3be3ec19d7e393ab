using Xunit;

namespace Invoicing.Core.Tests.Vat;

public sealed class VatMentionsTests
{
    [Theory]
    [InlineData(VatCategory.AE, "VATEX-EU-AE", "Autoliquidation")]
    [InlineData(VatCategory.K, "VATEX-EU-IC", "Exonération de TVA, article 262 ter, I du CGI")]
    [InlineData(VatCategory.G, "VATEX-EU-G", "Exonération de TVA, article 262 I du CGI")]
    [InlineData(VatCategory.O, "VATEX-EU-O", "Opération non soumise à la TVA")]
    [InlineData(VatCategory.E, "VATEX-EU-132", "Exonération de TVA, article 261 du CGI")]
    public void For_ExemptCategory_GivesVatexCodeAndFrenchMention(VatCategory category, string code, string french)
    {
        var mention = VatMentions.For(category);

        Assert.Equal(category, mention.Category);
        Assert.Equal(code, mention.ReasonCode);
        Assert.Equal(french, mention.French);
        Assert.False(string.IsNullOrWhiteSpace(mention.English));
        Assert.True(VatMentions.IsKnownCode(code));
    }

    [Fact]
    public void FrenchFranchise_IsCategoryEWithArticle293B()
    {
        var mention = VatMentions.FrenchFranchise;

        Assert.Equal(VatCategory.E, mention.Category);
        Assert.Equal("VATEX-FR-FRANCHISE", mention.ReasonCode);
        Assert.Equal("TVA non applicable, art. 293 B du CGI", mention.French);
        Assert.Equal(new VatExemption(VatCategory.E, "VATEX-FR-FRANCHISE", "TVA non applicable, art. 293 B du CGI"), mention.ToExemption());
    }

    [Fact]
    public void For_EveryCategory_HasAMention()
    {
        foreach (var category in Enum.GetValues<VatCategory>())
        {
            Assert.Equal(category, VatMentions.For(category).Category);
        }
    }

    [Theory]
    [InlineData(VatCategory.S, false)]
    [InlineData(VatCategory.Z, false)]
    [InlineData(VatCategory.E, true)]
    [InlineData(VatCategory.AE, true)]
    [InlineData(VatCategory.K, true)]
    [InlineData(VatCategory.G, true)]
    [InlineData(VatCategory.O, true)]
    [InlineData(VatCategory.L, false)]
    public void RequiresExemptionReason_MatchesTheCategoryRules(VatCategory category, bool expected)
    {
        Assert.Equal(expected, VatMentions.RequiresExemptionReason(category));
    }

    [Fact]
    public void For_UndefinedCategory_ThrowsTypedError()
    {
        var error = Assert.Throws<InvoiceValidationException>(() => VatMentions.For((VatCategory)77));

        Assert.Equal("BR-CO-04", error.Issues[0].RuleId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("VATEX-XX-NOPE")]
    [InlineData("vatex-eu-ae")]
    public void IsKnownCode_UnknownCode_IsFalse(string? code)
    {
        Assert.False(VatMentions.IsKnownCode(code));
    }
}
