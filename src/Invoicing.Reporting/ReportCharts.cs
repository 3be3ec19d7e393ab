using System.Globalization;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace Invoicing.Reporting;

/// <summary>
/// Draws the reports as SVG documents with OxyPlot (managed code, no native library). One chart per currency:
/// amounts in different currencies never share an axis.
/// </summary>
public static class ReportCharts
{
    /// <summary>The default width of a chart, in pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>The default height of a chart, in pixels.</summary>
    public const int DefaultHeight = 450;

    /// <summary>Bars of the open balance per aging column, for one currency.</summary>
    /// <param name="report">The aging report.</param>
    /// <param name="currencyCode">The currency to draw.</param>
    /// <param name="width">Width in pixels, 100 to 10,000.</param>
    /// <param name="height">Height in pixels, 100 to 10,000.</param>
    /// <exception cref="ArgumentException">Nothing is open in that currency.</exception>
    public static string AgingSvg(AgingReport report, string currencyCode, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(report);
        CheckSize(width, height);
        var section = report.For(currencyCode) ?? throw new ArgumentException($"The aging report has nothing open in '{currencyCode}'.", nameof(currencyCode));
        var model = Model(string.Create(CultureInfo.InvariantCulture, $"Aging of receivables on {report.AsOf:yyyy-MM-dd} ({section.Currency.Code})"));
        // OxyPlot bars run along their X (value) axis: a vertical value axis and a horizontal category axis give columns.
        model.Axes.Add(new CategoryAxis { Key = "buckets", Position = AxisPosition.Bottom, ItemsSource = report.Buckets.Buckets.Select(b => b.Label).ToList(), Title = "Days past due" });
        model.Axes.Add(new LinearAxis { Key = "amounts", Position = AxisPosition.Left, Minimum = 0, MinimumPadding = 0, MaximumPadding = 0.1, Title = section.Currency.Code, StringFormat = "#,0" });
        var bars = new BarSeries { FillColor = OxyColor.FromRgb(0x2B, 0x6C, 0xB0), LabelPlacement = LabelPlacement.Outside, LabelFormatString = "{0:#,0}", XAxisKey = "amounts", YAxisKey = "buckets" };
        foreach (var amount in section.Total.Amounts)
        {
            bars.Items.Add(new BarItem((double)amount));
        }

        model.Series.Add(bars);
        return Export(model, width, height);
    }

    /// <summary>The expected cash per week as a line, inside the band of the early and late scenarios, for one currency.</summary>
    /// <param name="forecast">The forecast.</param>
    /// <param name="currencyCode">The currency to draw.</param>
    /// <param name="width">Width in pixels, 100 to 10,000.</param>
    /// <param name="height">Height in pixels, 100 to 10,000.</param>
    /// <exception cref="ArgumentException">Nothing is open in that currency.</exception>
    public static string ForecastSvg(CashForecast forecast, string currencyCode, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        CheckSize(width, height);
        var section = forecast.For(currencyCode) ?? throw new ArgumentException($"The forecast has nothing open in '{currencyCode}'.", nameof(currencyCode));
        var model = Model(string.Create(CultureInfo.InvariantCulture, $"Cash-in forecast from {forecast.AsOf:yyyy-MM-dd} ({section.Currency.Code})"));
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.BottomCenter, LegendPlacement = LegendPlacement.Outside, LegendOrientation = LegendOrientation.Horizontal, LegendItemSpacing = 32, LegendPadding = 12, LegendSymbolMargin = 8 });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Minimum = -0.5, Maximum = forecast.WeekCount - 0.5, MajorStep = 1, MinorStep = 1, Title = "Week", StringFormat = "0" });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Minimum = 0, MinimumPadding = 0, MaximumPadding = 0.1, Title = section.Currency.Code, StringFormat = "#,0" });
        var band = new AreaSeries { Title = "Early to late band", Color = OxyColor.FromAColor(90, OxyColor.FromRgb(0x2B, 0x6C, 0xB0)), StrokeThickness = 0 };
        var expected = new LineSeries { Title = "Expected", Color = OxyColor.FromRgb(0x1A, 0x36, 0x5D), StrokeThickness = 2, MarkerType = MarkerType.Circle, MarkerSize = 3 };
        foreach (var week in section.Weeks)
        {
            band.Points.Add(new DataPoint(week.Index, (double)week.High));
            band.Points2.Add(new DataPoint(week.Index, (double)week.Low));
            expected.Points.Add(new DataPoint(week.Index, (double)week.Expected));
        }

        model.Series.Add(band);
        model.Series.Add(expected);
        return Export(model, width, height);
    }

    private static PlotModel Model(string title) => new()
    {
        Title = title,
        TitleFontSize = 16,
        Padding = new OxyThickness(8, 28, 24, 8),
        Background = OxyColors.White,
        DefaultFont = "Arial",
        Culture = CultureInfo.InvariantCulture,
    };

    private static void CheckSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 10_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 10_000);
    }

    private static string Export(PlotModel model, int width, int height) =>
        SvgExporter.ExportToString(model, width, height, isDocument: true);
}
