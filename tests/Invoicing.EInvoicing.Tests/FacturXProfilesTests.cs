namespace Invoicing.EInvoicing.Tests;

public sealed class FacturXProfilesTests
{
    [Theory]
    [InlineData(FacturXProfile.Minimum)]
    [InlineData(FacturXProfile.BasicWl)]
    [InlineData(FacturXProfile.Basic)]
    [InlineData(FacturXProfile.En16931)]
    [InlineData(FacturXProfile.Extended)]
    public void TryFromGuidelineId_EachProfilesId_GivesTheProfileBack(FacturXProfile profile)
    {
        Assert.True(FacturXProfiles.TryFromGuidelineId(" " + profile.GuidelineId() + "\n", out var parsed));
        Assert.Equal(profile, parsed);
    }

    [Theory]
    [InlineData("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0")]
    [InlineData("")]
    [InlineData(null)]
    public void TryFromGuidelineId_OtherSpecification_IsFalse(string? id) =>
        Assert.False(FacturXProfiles.TryFromGuidelineId(id, out _));

    [Theory]
    [InlineData("en16931", FacturXProfile.En16931)]
    [InlineData("EN 16931", FacturXProfile.En16931)]
    [InlineData("comfort", FacturXProfile.En16931)]
    [InlineData("basic-wl", FacturXProfile.BasicWl)]
    [InlineData("BASIC WL", FacturXProfile.BasicWl)]
    [InlineData("basic", FacturXProfile.Basic)]
    [InlineData("minimum", FacturXProfile.Minimum)]
    [InlineData("Extended", FacturXProfile.Extended)]
    public void TryParseName_HumanSpellings_AreRecognised(string name, FacturXProfile expected)
    {
        Assert.True(FacturXProfiles.TryParseName(name, out var profile));
        Assert.Equal(expected, profile);
    }

    [Theory]
    [InlineData("xrechnung")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseName_Unknown_IsFalse(string? name) => Assert.False(FacturXProfiles.TryParseName(name, out _));

    [Fact]
    public void GuidelineId_UndefinedProfile_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((FacturXProfile)99).GuidelineId());
}
