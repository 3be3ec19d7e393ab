using System.Net;

namespace Invoicing.Portal.Tests.Security;

public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task EveryPage_CarriesTheSecurityHeaders_AndAuthenticatedOnesAreNotStored()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA);
        var browser = await host.SignedInAsync(PortalHost.CustomerA);
        string[] paths =
        [
            "/portal/invoices",
            "/portal/invoices/" + invoice.Number,
            "/portal/invoices/" + invoice.Number + "/pdf",
            "/portal/invoices/" + invoice.Number + "/facturx",
            "/portal/invoices/F2099-99999",
            "/portal/redeem?token=bad",
            "/portal/unknown",
            "/portal/language/fr?return=/portal/invoices",
        ];

        foreach (var path in paths)
        {
            using var response = await browser.GetAsync(path);
            AssertHeaders(response, path, https: true);
            Assert.True(response.Headers.CacheControl!.NoStore, path);
        }

        using var anonymous = await host.Browser().GetAsync("/portal/invoices");
        AssertHeaders(anonymous, "anonymous list", https: true);
        using var css = await browser.GetAsync("/portal/portal.css");
        AssertHeaders(css, "css", https: true);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task PlainHttp_HasNoHsts()
    {
        await using var host = await PortalHost.StartAsync();

        using var response = await host.Browser(https: false).GetAsync("/portal/invoices");

        AssertHeaders(response, "http", https: false);
    }

    [Fact]
    public async Task Pages_HaveNoInlineScriptOrStyle()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA);
        var browser = await host.SignedInAsync(PortalHost.CustomerA);

        foreach (var html in new[] { await browser.PageAsync("/portal/invoices"), await browser.PageAsync("/portal/invoices/" + invoice.Number) })
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static void AssertHeaders(HttpResponseMessage response, string what, bool https)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(https == response.Headers.Contains("Strict-Transport-Security"), what);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}
