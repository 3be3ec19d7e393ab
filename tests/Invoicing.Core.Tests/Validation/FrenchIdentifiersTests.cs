using Xunit;

namespace Invoicing.Core.Tests.Validation;

public sealed class FrenchIdentifiersTests
{
    [Theory]
    [InlineData("123456782", true)]
    [InlineData("987654324", true)]
    [InlineData("732 829 320", true)]
    [InlineData("123456789", false)]
    [InlineData("12345678", false)]
    [InlineData("1234567820", false)]
    [InlineData("12345678A", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidSiren_Value_ChecksNineDigitsAndLuhn(string? siren, bool expected)
    {
        Assert.Equal(expected, FrenchIdentifiers.IsValidSiren(siren));
    }

    [Theory]
    [InlineData("73282932000074", true)]
    [InlineData("73282932000075", false)]
    [InlineData("7328293200007", false)]
    public void IsValidSiret_Value_ChecksFourteenDigitsAndLuhn(string siret, bool expected)
    {
        Assert.Equal(expected, FrenchIdentifiers.IsValidSiret(siret));
    }

    [Theory]
    [InlineData("123456782", "FR11123456782")]
    [InlineData("987654324", "FR14987654324")]
    [InlineData("nope", null)]
    public void VatIdOf_Siren_ComputesTheKey(string siren, string? expected)
    {
        Assert.Equal(expected, FrenchIdentifiers.VatIdOf(siren));
    }

    [Theory]
    [InlineData("73282932000074", "732829320")]
    [InlineData("732829320", "732829320")]
    [InlineData("7328", null)]
    public void SirenOf_SiretOrSiren_GivesTheNineDigits(string value, string? expected)
    {
        Assert.Equal(expected, FrenchIdentifiers.SirenOf(value));
    }
}
