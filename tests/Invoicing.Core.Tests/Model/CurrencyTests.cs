using Invoicing.Core;

namespace Invoicing.Core.Tests.Model;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("EUR", "0.01")]
    [InlineData("JPY", "1")]
    [InlineData("KWD", "0.001")]
    public void MinorUnit_EachCurrency_IsItsSmallestAmountExactly(string code, string expected)
    {
        var unit = Currency.FromCode(code).MinorUnit;

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), unit);
        Assert.Equal(expected, unit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
