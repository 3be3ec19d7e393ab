using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Invoicing.Portal.Browser.Tests;

/// <summary>Runs axe on the page and fails on any serious or critical violation, printing every violation found.</summary>
public static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static async Task AssertNoSeriousViolationsAsync(IPage page, ITestOutputHelper output)
    {
        var result = await page.RunAxe();
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"axe {violation.Impact} {violation.Id} on {page.Url}: {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                output.WriteLine($"  {node.Target} -> {node.Html}");
            }
        }

        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact, StringComparer.Ordinal)).Select(v => $"{v.Impact}: {v.Id} ({v.Help})").ToList();
        Assert.True(blocking.Count == 0, $"axe found {blocking.Count} serious or critical violation(s) on {page.Url}: " + string.Join("; ", blocking));
        Assert.NotEmpty(result.Passes);
    }
}
