using System.Text.Json;
using Invoicing.Cli.Commands;
using Invoicing.Core;

namespace Invoicing.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_BrokenInvoice_ListsTheRuleIdsAndExitsOne()
    {
        var result = await CliRunner.RunAsync("validate", TestPaths.Data("broken-invoice.json"));

        Assert.Equal(1, result.ExitCode);
        var rules = result.OutLines.Select(l => l.Split("  ")[0]).ToHashSet();
        Assert.Superset(new HashSet<string> { "BR-27", "BR-S-05", "BR-33", "BR-DEC-01", "BR-CO-25", "BR-CO-26", "FR-01", "FR-04", "FR-05", "FR-06" }, rules);
        Assert.Contains("BR-27  error  lines[1].netPrice  ", result.Out, StringComparison.Ordinal);
        Assert.StartsWith("invalid:", result.OutLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenInvoiceJson_ReportsEveryIssueAsAnObject()
    {
        var result = await CliRunner.RunAsync("validate", TestPaths.Data("broken-invoice.json"), "--json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        var issues = root.GetProperty("issues").EnumerateArray().ToList();
        Assert.Equal(root.GetProperty("errors").GetInt32() + root.GetProperty("warnings").GetInt32(), issues.Count);
        var price = issues.Single(i => i.GetProperty("rule").GetString() == "BR-27");
        Assert.Equal("error", price.GetProperty("severity").GetString());
        Assert.Equal("lines[1].netPrice", price.GetProperty("path").GetString());
        Assert.False(string.IsNullOrWhiteSpace(price.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Validate_FrenchSample_IsValidAndExitsZero()
    {
        var result = await CliRunner.RunAsync("validate", TestPaths.Sample("fr-domestic.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["valid"], result.OutLines);
    }

    [Fact]
    public async Task Validate_WrongFrenchVatKey_IsValidWithAWarningAndExitsZero()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vat-key-{Guid.NewGuid():N}.json");
        var json = await File.ReadAllTextAsync(TestPaths.Sample("fr-domestic.json"));
        // The key of SIREN 123456782 is 11: 44 is wrong on purpose.
        const string wrongKey = "FR44123456782";
        await File.WriteAllTextAsync(path, json.Replace("FR11123456782", wrongKey, StringComparison.Ordinal));
        try
        {
            var result = await CliRunner.RunAsync("validate", path);

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("FR-10  warning  seller.vatId", result.OutLines[0], StringComparison.Ordinal);
            Assert.Equal("valid (1 warning)", result.OutLines[^1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("not-json.txt")]
    [InlineData("truncated.json")]
    [InlineData("no-such-file.json")]
    public async Task Validate_BadInput_ExitsTwoWithOneLine(string file)
    {
        var result = await CliRunner.RunAsync("validate", TestPaths.Data(file));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error:", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Validate_UnknownOption_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("validate", TestPaths.Sample("fr-domestic.json"), "--nope");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void ToText_ValidWithoutIssues_SaysValid()
    {
        Assert.Equal("valid", ValidateCommand.ToText(new ValidationResult([])));
    }
}
