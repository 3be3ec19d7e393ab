using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Invoicing.Portal.Browser.Tests.Hosting;

/// <summary>The harness itself: the shared chromium reaches a page served by Kestrel on a socket, and axe runs on it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserHarnessTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Harness</title></head>
        <body><main><h1>Hello from Kestrel</h1><button type="button" onclick="document.querySelector('h1').textContent='Pressed'">Press</button></main></body></html>
        """;

    [Fact]
    public async Task Chromium_OpensAPageServedByKestrel_AndRunsItsScript()
    {
        await using var host = await KestrelHost.StartAsync(_ => { }, app => app.MapGet("/", () => Results.Content(Page, "text/html; charset=utf-8")));
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(host.Address.ToString());

        Assert.Equal(200, response!.Status);
        Assert.Equal("Hello from Kestrel", await page.TextContentAsync("h1"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("Pressed", await page.TextContentAsync("h1"));
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [Fact]
    public async Task Axe_FindsASeriousViolation_OnAnInaccessiblePage()
    {
        const string bad = "<!doctype html><html><head><title>Bad</title></head><body><img src=\"x.png\"><input type=\"text\"></body></html>";
        await using var host = await KestrelHost.StartAsync(_ => { }, app => app.MapGet("/", () => Results.Content(bad, "text/html; charset=utf-8")));
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.Address.ToString());

        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Accessibility.AssertNoSeriousViolationsAsync(page, output));
    }
}
