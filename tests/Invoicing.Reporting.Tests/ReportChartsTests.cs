using System.Xml.Linq;
using NodaTime;
using static Invoicing.Reporting.Tests.Ledger;

namespace Invoicing.Reporting.Tests;

public sealed class ReportChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void AgingSvg_DrawsOneBarPerBucketWithItsLabel()
    {
        var report = Receivables.Aging([Invoice("Acme", new LocalDate(2026, 11, 1), 1_200m), Invoice("Acme", new LocalDate(2026, 6, 1), 800m), Invoice("Acme", AsOf, 300m)], AsOf);

        var svg = XDocument.Parse(ReportCharts.AgingSvg(report, "EUR"));

        Assert.Equal(Svg + "svg", svg.Root!.Name);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.DoesNotContain(texts, t => t.Contains("exception", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Aging of receivables on 2026-11-28 (EUR)", texts);
        Assert.All(report.Buckets.Buckets, b => Assert.Contains(b.Label, texts));
        Assert.Contains("1,200", texts);
        Assert.Contains("800", texts);
    }

    [Fact]
    public void ForecastSvg_DrawsTheExpectedLineAndTheBand()
    {
        var forecast = Receivables.Forecast([Invoice("Acme", new LocalDate(2026, 12, 8), 250m), Invoice("Globex", new LocalDate(2026, 12, 20), 400m)], AsOf, 6);

        var svg = XDocument.Parse(ReportCharts.ForecastSvg(forecast, "EUR", 640, 360));

        Assert.Equal("640", svg.Root!.Attribute("width")!.Value);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.DoesNotContain(texts, t => t.Contains("exception", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Expected", texts);
        Assert.Contains("Early to late band", texts);
        Assert.True(svg.Descendants(Svg + "polyline").Any() || svg.Descendants(Svg + "polygon").Any());
    }

    [Fact]
    public void AgingSvg_CurrencyNotInReport_NamesTheCurrency()
    {
        var report = Receivables.Aging([Invoice("Acme", AsOf, 1m)], AsOf);

        var error = Assert.Throws<ArgumentException>(() => ReportCharts.AgingSvg(report, "USD"));

        Assert.Equal("currencyCode", error.ParamName);
    }

    [Theory]
    [InlineData(99, 400)]
    [InlineData(800, 10_001)]
    public void ForecastSvg_SizeOutOfRange_Throws(int width, int height)
    {
        var forecast = Receivables.Forecast([Invoice("Acme", AsOf, 1m)], AsOf, 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => ReportCharts.ForecastSvg(forecast, "EUR", width, height));
    }
}
