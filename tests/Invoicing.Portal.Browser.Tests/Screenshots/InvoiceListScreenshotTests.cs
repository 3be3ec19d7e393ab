using System.Reflection;
using Microsoft.Playwright;

namespace Invoicing.Portal.Browser.Tests.Screenshots;

/// <summary>
/// The picture of the invoice list in the portal guide, taken from the sample in chromium. Every run takes it and
/// checks it is a real PNG of the page; with <c>INVOICING_UPDATE_DOCS_IMAGES=1</c> it replaces docs/images/portal-invoice-list.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InvoiceListScreenshotTests(BrowserFixture browser)
{
    [Fact]
    public async Task InvoiceList_Screenshot_IsAPngOfTheList()
    {
        await using var sample = await SampleHost.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1100, Height = 720 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(sample.Host.MagicLink().AbsoluteUri);
        await Assertions.Expect(page.Locator("table.documents")).ToBeVisibleAsync();

        var png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.True(png.Length > 10_000, $"a {png.Length}-byte screenshot is too small to show the list");
        if (Environment.GetEnvironmentVariable("INVOICING_UPDATE_DOCS_IMAGES") == "1")
        {
            var root = typeof(InvoiceListScreenshotTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
            await File.WriteAllBytesAsync(Path.Combine(root, "docs", "images", "portal-invoice-list.png"), png);
        }
    }
}
