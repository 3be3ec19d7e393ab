using NodaTime;
using Xunit;

namespace Invoicing.Core.Tests.Vat;

public sealed class VatRatesTests
{
    [Theory]
    [InlineData("FR", VatRateKind.Standard, "2026-11-02", "20")]
    [InlineData("FR", VatRateKind.Intermediate, "2026-11-02", "10")]
    [InlineData("FR", VatRateKind.Reduced, "2026-11-02", "5.5")]
    [InlineData("FR", VatRateKind.SuperReduced, "2026-11-02", "2.1")]
    [InlineData("FR", VatRateKind.Standard, "2013-12-31", "19.6")]
    [InlineData("FR", VatRateKind.Standard, "2014-01-01", "20")]
    [InlineData("FR", VatRateKind.Intermediate, "2012-06-15", "7")]
    [InlineData("DE", VatRateKind.Standard, "2020-06-30", "19")]
    [InlineData("DE", VatRateKind.Standard, "2020-07-01", "16")]
    [InlineData("DE", VatRateKind.Standard, "2020-12-31", "16")]
    [InlineData("DE", VatRateKind.Standard, "2021-01-01", "19")]
    [InlineData("DE", VatRateKind.Reduced, "2020-08-15", "5")]
    [InlineData("DE", VatRateKind.Reduced, "2026-01-01", "7")]
    [InlineData("DE", VatRateKind.Standard, "2006-12-31", "16")]
    [InlineData("BE", VatRateKind.Intermediate, "2026-01-01", "12")]
    [InlineData("BE", VatRateKind.Reduced, "2026-01-01", "6")]
    [InlineData("ES", VatRateKind.Standard, "2012-08-31", "18")]
    [InlineData("ES", VatRateKind.Standard, "2012-09-01", "21")]
    [InlineData("ES", VatRateKind.SuperReduced, "2026-01-01", "4")]
    [InlineData("IT", VatRateKind.Standard, "2013-09-30", "21")]
    [InlineData("IT", VatRateKind.Standard, "2013-10-01", "22")]
    [InlineData("IT", VatRateKind.Reduced, "2026-01-01", "5")]
    [InlineData("NL", VatRateKind.Reduced, "2018-12-31", "6")]
    [InlineData("NL", VatRateKind.Reduced, "2019-01-01", "9")]
    [InlineData("nl", VatRateKind.Standard, "2026-01-01", "21")]
    public void Find_CountryKindDate_ReturnsTheRateInForce(string country, VatRateKind kind, string date, string expected)
    {
        var rate = VatRates.Find(country, kind, LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rate.Percent);
    }

    [Fact]
    public void Find_UnknownCountry_ThrowsTypedErrorNamingTheCountry()
    {
        var error = Assert.Throws<InvoiceValidationException>(() => VatRates.Find("US", VatRateKind.Standard, new LocalDate(2026, 1, 1)));

        Assert.Equal("VAT-RATE-COUNTRY", error.Issues[0].RuleId);
        Assert.Equal("countryCode", error.Issues[0].Path);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("FRA")]
    public void Find_MissingOrMalformedCountry_ThrowsTypedError(string? country)
    {
        var error = Assert.Throws<InvoiceValidationException>(() => VatRates.Find(country, VatRateKind.Standard, new LocalDate(2026, 1, 1)));

        Assert.Equal("VAT-RATE-COUNTRY", error.Issues[0].RuleId);
    }

    [Fact]
    public void Find_KindTheCountryDoesNotHave_ThrowsTypedErrorNamingTheKind()
    {
        var error = Assert.Throws<InvoiceValidationException>(() => VatRates.Find("DE", VatRateKind.SuperReduced, new LocalDate(2026, 1, 1)));

        Assert.Equal("VAT-RATE-KIND", error.Issues[0].RuleId);
        Assert.Equal("kind", error.Issues[0].Path);
    }

    [Fact]
    public void Find_UndefinedKind_ThrowsTypedError()
    {
        var error = Assert.Throws<InvoiceValidationException>(() => VatRates.Find("FR", (VatRateKind)42, new LocalDate(2026, 1, 1)));

        Assert.Equal("VAT-RATE-KIND", error.Issues[0].RuleId);
    }

    [Theory]
    [InlineData("FR", VatRateKind.Intermediate, 2011, 12, 31)]
    [InlineData("FR", VatRateKind.Standard, 1990, 1, 1)]
    [InlineData("IT", VatRateKind.Reduced, 2015, 12, 31)]
    public void Find_DateBeforeTheTable_ThrowsTypedErrorNamingTheDate(string country, VatRateKind kind, int year, int month, int day)
    {
        var error = Assert.Throws<InvoiceValidationException>(() => VatRates.Find(country, kind, new LocalDate(year, month, day)));

        Assert.Equal("VAT-RATE-DATE", error.Issues[0].RuleId);
        Assert.Equal("date", error.Issues[0].Path);
    }

    [Fact]
    public void All_IntervalsOfOneCountryAndKind_NeverOverlap()
    {
        foreach (var group in VatRates.All.GroupBy(r => (r.CountryCode, r.Kind)))
        {
            var ordered = group.OrderBy(r => r.ValidFrom).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.NotNull(ordered[i - 1].ValidTo);
                Assert.Equal(ordered[i - 1].ValidTo!.Value.PlusDays(1), ordered[i].ValidFrom);
            }

            Assert.Null(ordered[^1].ValidTo);
        }
    }

    [Fact]
    public void InForce_France2026_ListsTheFourRates()
    {
        var rates = VatRates.InForce("FR", new LocalDate(2026, 11, 2)).Select(r => r.Percent).Order();

        Assert.Equal([2.1m, 5.5m, 10m, 20m], rates);
    }

    [Fact]
    public void Countries_AreTheSixTables()
    {
        Assert.Equal(["BE", "DE", "ES", "FR", "IT", "NL"], VatRates.Countries.Order());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("XX")]
    public void TryFindAndInForce_UnknownCountry_FindNothingWithoutThrowing(string? country)
    {
        Assert.False(VatRates.TryFind(country, VatRateKind.Standard, new LocalDate(2026, 1, 1), out var rate));
        Assert.Null(rate);
        Assert.Empty(VatRates.InForce(country, new LocalDate(2026, 1, 1)));
    }

    [Fact]
    public void AppliesOn_BothEnds_AreIncluded()
    {
        var rate = new VatRate("DE", VatRateKind.Standard, 16m, new LocalDate(2020, 7, 1), new LocalDate(2020, 12, 31));

        Assert.True(rate.AppliesOn(new LocalDate(2020, 7, 1)));
        Assert.True(rate.AppliesOn(new LocalDate(2020, 12, 31)));
        Assert.False(rate.AppliesOn(new LocalDate(2020, 6, 30)));
        Assert.False(rate.AppliesOn(new LocalDate(2021, 1, 1)));
    }
}
