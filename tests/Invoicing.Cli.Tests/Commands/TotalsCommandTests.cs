using System.Text.Json;

namespace Invoicing.Cli.Tests.Commands;

public sealed class TotalsCommandTests
{
    [Fact]
    public async Task Totals_FrenchSample_PrintsTheTableWithEveryTotal()
    {
        var result = await CliRunner.RunAsync("totals", TestPaths.Sample("fr-domestic.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.StartsWith("Sum of line net amounts (BT-106)", StringComparison.Ordinal) && l.EndsWith("968.00", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("Charges on document level (BT-108)", StringComparison.Ordinal) && l.EndsWith("25.00", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("Total VAT (BT-110)", StringComparison.Ordinal) && l.EndsWith("194.48", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("Amount due for payment (BT-115)", StringComparison.Ordinal) && l.EndsWith("1,187.48", StringComparison.Ordinal));
        Assert.DoesNotContain(result.OutLines, l => l.Contains("(BT-107)", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("S   20 %", StringComparison.Ordinal) && l.EndsWith("192.92", StringComparison.Ordinal));
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Totals_Json_KeysAreTheEn16931TermIds()
    {
        var result = await CliRunner.RunAsync("totals", TestPaths.Sample("fr-domestic.json"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(968.00m, root.GetProperty("BT-106").GetDecimal());
        Assert.False(root.TryGetProperty("BT-107", out _));
        Assert.Equal(25m, root.GetProperty("BT-108").GetDecimal());
        Assert.Equal(993.00m, root.GetProperty("BT-109").GetDecimal());
        Assert.Equal(194.48m, root.GetProperty("BT-110").GetDecimal());
        Assert.Equal(1187.48m, root.GetProperty("BT-112").GetDecimal());
        Assert.False(root.TryGetProperty("BT-113", out _));
        Assert.False(root.TryGetProperty("BT-114", out _));
        Assert.Equal(1187.48m, root.GetProperty("BT-115").GetDecimal());
        var rows = root.GetProperty("vatBreakdown").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        var standard = rows.Single(r => r.GetProperty("rate").GetDecimal() == 20m);
        Assert.Equal("S", standard.GetProperty("category").GetString());
        Assert.Equal(964.60m, standard.GetProperty("BT-116").GetDecimal());
        Assert.Equal(192.92m, standard.GetProperty("BT-117").GetDecimal());
        var reduced = rows.Single(r => r.GetProperty("rate").GetDecimal() == 5.5m);
        Assert.Equal(28.40m, reduced.GetProperty("BT-116").GetDecimal());
        Assert.Equal(1.56m, reduced.GetProperty("BT-117").GetDecimal());
    }

    [Fact]
    public async Task Totals_NotJson_ExitsTwoWithOneLine()
    {
        var result = await CliRunner.RunAsync("totals", TestPaths.Data("not-json.txt"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error:", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Totals_MissingFile_ExitsTwoWithOneLine()
    {
        var result = await CliRunner.RunAsync("totals", TestPaths.Data("no-such-file.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public async Task Totals_NoFileArgument_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("totals");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }
}
