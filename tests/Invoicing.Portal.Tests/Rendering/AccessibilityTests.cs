using System.Text.RegularExpressions;

namespace Invoicing.Portal.Tests.Rendering;

/// <summary>The structure assistive technology relies on, checked on the real pages (the browser tests run axe on top).</summary>
public sealed partial class AccessibilityTests
{
    [Fact]
    public async Task Pages_HaveLanguageSkipLinkOneH1LandmarksAndHeaderCells()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA, dueInDays: -2);
        await host.PayAsync(invoice.Number, 10m);
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "fr");

        foreach (var path in new[] { "/portal/invoices", "/portal/invoices/" + invoice.Number, "/portal/invoices/F2099-1" })
        {
            using var response = await browser.GetAsync(path);
            var html = await response.PageAsync();
            Assert.Matches("^<!DOCTYPE html><html lang=\"fr\">", html);
            Assert.Contains("<a class=\"skip\" href=\"#main\">", html);
            Assert.Contains("<main id=\"main\"", html);
            Assert.Contains("<header class=\"banner\">", html);
            Assert.Contains("<nav aria-label=\"Langue\">", html);
            Assert.Single(H1().Matches(html));
            Assert.DoesNotMatch("<th>", html);
            Assert.DoesNotMatch("<th(?=[\\s>])(?![^>]*scope=)[^>]*>", html);
        }
    }

    [Fact]
    public async Task DisputeForm_FieldHasALabel_AndButtonsAreRealButtons()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA, dueInDays: -2);
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "en");

        var html = await browser.PageAsync("/portal/invoices/" + invoice.Number);

        Assert.Contains("<label for=\"reason\">Reason (optional)</label><textarea id=\"reason\" name=\"reason\"", html);
        Assert.Contains("<button type=\"submit\" class=\"secondary\">Dispute the invoice</button>", html);
        Assert.Contains("<button type=\"submit\" class=\"secondary\">Sign out</button>", html);
    }

    [GeneratedRegex("<h1>")]
    private static partial Regex H1();
}
