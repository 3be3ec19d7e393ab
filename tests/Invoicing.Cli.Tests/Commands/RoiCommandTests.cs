using System.Text.Json;

namespace Invoicing.Cli.Tests.Commands;

public sealed class RoiCommandTests
{
    [Fact]
    public async Task Roi_SourceExample_Json_AnswersRoiTwo()
    {
        var result = await CliRunner.RunAsync("roi", "--investment", "1500", "--annual-benefits", "4500", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(2m, root.GetProperty("roi").GetDecimal());
        Assert.Equal(4m, root.GetProperty("paybackMonths").GetDecimal());
        Assert.Equal(2_666.67m, root.GetProperty("npv").GetProperty("1").GetDecimal());
        Assert.Equal(16_467.20m, root.GetProperty("npv").GetProperty("5").GetDecimal());
    }

    [Fact]
    public async Task Roi_SourceExample_Table_Says200Percent()
    {
        var result = await CliRunner.RunAsync("roi", "--investment", "1500", "--annual-benefits", "4500");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.StartsWith("ROI (first year)", StringComparison.Ordinal) && l.EndsWith("200.00 %  (2)", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("Payback", StringComparison.Ordinal) && l.EndsWith("4.00 months", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Roi_DetailedOptions_ChangeTheModel()
    {
        var result = await CliRunner.RunAsync("roi", "--invoices-per-month", "100", "--json");

        // Half the default volume: labour 8400, errors 1152, printing 1800, archiving 1500, capital 2630.14
        using var json = JsonDocument.Parse(result.Out);
        var benefits = json.RootElement.GetProperty("benefits");
        Assert.Equal(8_400m, benefits.GetProperty("labour").GetDecimal());
        Assert.Equal(2_630.14m, benefits.GetProperty("capital").GetDecimal());
        Assert.Equal(15_482.14m - 1_200m, json.RootElement.GetProperty("netAnnualBenefits").GetDecimal());
        Assert.Equal(17, json.RootElement.GetProperty("sensitivity").GetArrayLength());
    }

    [Theory]
    [InlineData(new[] { "roi", "--invoices-per-month", "-200" }, "--invoices-per-month: ROI-NEGATIVE")]
    [InlineData(new[] { "roi", "--error-rate", "1.5" }, "--error-rate: ROI-FRACTION")]
    [InlineData(new[] { "roi", "--setup-cost", "0", "--training-cost", "0" }, "--investment: ROI-ZERO-INVESTMENT")]
    [InlineData(new[] { "roi", "--investment", "0", "--annual-benefits", "4500" }, "--investment: ROI-ZERO-INVESTMENT")]
    [InlineData(new[] { "roi", "--investment", "1500" }, "--investment and --annual-benefits go together")]
    [InlineData(new[] { "roi", "--investment", "1500", "--annual-benefits", "4500", "--hourly-cost", "40" }, "go together")]
    [InlineData(new[] { "roi", "--investment", "lots" }, "--investment")]
    public async Task Roi_BadInput_NamesTheOption(string[] args, string expected)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
