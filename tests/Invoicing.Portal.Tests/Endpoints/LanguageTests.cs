using Invoicing.Core;

namespace Invoicing.Portal.Tests.Endpoints;

public sealed class LanguageTests
{
    [Fact]
    public async Task AcceptLanguageFrench_RendersFrench()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA, dueInDays: -5, netPrice: 1000m);
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "fr-FR,fr;q=0.9,en;q=0.5");

        var html = await browser.PageAsync("/portal/invoices");

        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains("<h1>Vos factures et avoirs</h1>", html);
        Assert.Contains("status-overdue\">En retard<", html);
        Assert.Contains("1\u202f200,00\u00a0EUR", html);
        Assert.Contains(">Aller au contenu principal</a>", html);
        Assert.Contains(invoice.Number, html);
    }

    [Fact]
    public async Task AcceptLanguageEnglish_RendersEnglish()
    {
        await using var host = await PortalHost.StartAsync();
        await host.IssueAsync(PortalHost.CustomerA, netPrice: 1000m);
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "en-US,en;q=0.9");

        var html = await browser.PageAsync("/portal/invoices");

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<h1>Your invoices and credit notes</h1>", html);
        Assert.Contains("1,200.00\u00a0EUR", html);
    }

    [Fact]
    public async Task CustomersStoredLanguage_WinsOverTheBrowsers()
    {
        await using var host = await PortalHost.StartAsync();
        await host.Dunning.SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = PortalHost.CustomerA, Language = "fr" });
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "en-GB");

        Assert.Contains("<html lang=\"fr\">", await browser.PageAsync("/portal/invoices"));
    }

    [Fact]
    public async Task Switch_ChoosesTheLanguageAndReturnsToThePage()
    {
        await using var host = await PortalHost.StartAsync();
        await host.Dunning.SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = PortalHost.CustomerA, Language = "fr" });
        var invoice = await host.IssueAsync(PortalHost.CustomerA);
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "fr");
        var detail = "/portal/invoices/" + invoice.Number;
        Assert.Contains("href=\"/portal/language/en?return=" + Uri.EscapeDataString(detail) + "\"", await browser.PageAsync(detail));

        using var response = await browser.GetAsync("/portal/language/en?return=" + Uri.EscapeDataString(detail));

        Assert.Equal(System.Net.HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(detail, response.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"en\">", await browser.PageAsync(detail));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/portal/")]
    [InlineData("/portal//evil.example")]
    [InlineData("/elsewhere")]
    public async Task Switch_NeverRedirectsOutsideThePortal(string target)
    {
        await using var host = await PortalHost.StartAsync();

        using var response = await host.Browser().GetAsync("/portal/language/fr?return=" + Uri.EscapeDataString(target));

        Assert.Equal("/portal/invoices", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Switch_UnknownLanguage_IsNotFound()
    {
        await using var host = await PortalHost.StartAsync();

        using var response = await host.Browser().GetAsync("/portal/language/de?return=/portal/invoices");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
