using System.Net;

namespace Invoicing.Portal.Tests.Security;

public sealed class AntiforgeryTests
{
    [Theory]
    [InlineData("/dispute")]
    [InlineData("/pay")]
    public async Task Post_WithoutToken_Is400AndChangesNothing(string action)
    {
        await using var host = await PortalHost.StartAsync(services: s => s.AddSingleton<Invoicing.Payments.IPaymentLinkProvider>(new Endpoints.FakePaymentLinks()));
        var invoice = await host.IssueAsync(PortalHost.CustomerA, dueInDays: -3);
        var browser = await host.SignedInAsync(PortalHost.CustomerA);
        await browser.GetStringAsync("/portal/invoices/" + invoice.Number);
        var events = (await host.AllEventsAsync()).Count;

        using var response = await browser.PostAsync("/portal/invoices/" + invoice.Number + action, PortalHost.Form(("reason", "wrong amount")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await host.Dunning.GetInvoiceAsync(invoice.Number));
        Assert.Equal(events, (await host.AllEventsAsync()).Count);
        Assert.Empty(((Endpoints.FakePaymentLinks)host.Services.GetRequiredService<Invoicing.Payments.IPaymentLinkProvider>()).Requests);
    }

    [Fact]
    public async Task Post_WithAnotherBrowsersToken_Is400AndChangesNothing()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA, dueInDays: -3);
        var attacker = await host.SignedInAsync(PortalHost.CustomerA);
        var stolen = PortalHost.FormToken(await attacker.PageAsync("/portal/invoices/" + invoice.Number));
        var victim = await host.SignedInAsync(PortalHost.CustomerA);

        using var response = await victim.PostAsync("/portal/invoices/" + invoice.Number + "/dispute", PortalHost.Form(stolen));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await host.Dunning.GetInvoiceAsync(invoice.Number));
    }

    [Fact]
    public async Task Post_WithAWrongToken_Is400()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA, dueInDays: -3);
        var browser = await host.SignedInAsync(PortalHost.CustomerA);
        var (name, _) = PortalHost.FormToken(await browser.PageAsync("/portal/invoices/" + invoice.Number));

        using var response = await browser.PostAsync("/portal/invoices/" + invoice.Number + "/dispute", PortalHost.Form((name, "CfDJ8forged")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await host.Dunning.GetInvoiceAsync(invoice.Number));
    }

    [Fact]
    public async Task SignOut_WithToken_EndsTheSession_WithoutToken_DoesNot()
    {
        await using var host = await PortalHost.StartAsync();
        var browser = await host.SignedInAsync(PortalHost.CustomerA);
        var token = PortalHost.FormToken(await browser.PageAsync("/portal/invoices"));

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/portal/sign-out", PortalHost.Form())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/portal/invoices")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync("/portal/sign-out", PortalHost.Form(token))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/portal/invoices")).StatusCode);
    }
}
