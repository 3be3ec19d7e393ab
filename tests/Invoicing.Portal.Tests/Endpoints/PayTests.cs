using System.Net;
using Invoicing.Payments;
using NodaTime;

namespace Invoicing.Portal.Tests.Endpoints;

public sealed class PayTests
{
    [Fact]
    public async Task Pay_OpenInvoice_RedirectsToTheProviderForTheOpenBalance()
    {
        var provider = new FakePaymentLinks();
        await using var host = await PortalHost.StartAsync(services: s => s.AddSingleton<IPaymentLinkProvider>(provider));
        var invoice = await host.IssueAsync(PortalHost.CustomerA);
        await host.PayAsync(invoice.Number, 20m);
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "en");
        var page = await browser.PageAsync("/portal/invoices/" + invoice.Number);
        Assert.Contains("Pay 100.00\u00a0EUR online", page);

        using var response = await browser.PostAsync("/portal/invoices/" + invoice.Number + "/pay", PortalHost.Form(PortalHost.FormToken(page)));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("https://checkout.example.com/pay/cs_1", response.Headers.Location!.AbsoluteUri);
        var request = Assert.Single(provider.Requests);
        Assert.Equal(invoice.Number, request.InvoiceNumber);
        Assert.Equal(PortalHost.CustomerA, request.CustomerKey);
        Assert.Equal(100m, request.Amount);
        Assert.Equal("https://billing.example.com/portal/invoices/" + invoice.Number, request.SuccessUrl.AbsoluteUri);
        Assert.Equal(host.Clock.GetCurrentInstant() + Duration.FromHours(1), request.ExpiresAt);
    }

    [Fact]
    public async Task Pay_NoProvider_NoButton_AndPostIs409()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA);
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "en");
        var page = await browser.PageAsync("/portal/invoices/" + invoice.Number);

        Assert.DoesNotContain("/pay\"", page);
        using var response = await browser.PostAsync("/portal/invoices/" + invoice.Number + "/pay", PortalHost.Form(PortalHost.FormToken(page)));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Pay_PaidInvoice_NoButton_AndPostAsksTheProviderNothing()
    {
        var provider = new FakePaymentLinks();
        await using var host = await PortalHost.StartAsync(services: s => s.AddSingleton<IPaymentLinkProvider>(provider));
        var invoice = await host.IssueAsync(PortalHost.CustomerA);
        await host.PayAsync(invoice.Number, 120m);
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "en");
        var page = await browser.PageAsync("/portal/invoices/" + invoice.Number);

        Assert.DoesNotContain("/pay\"", page);
        using var response = await browser.PostAsync("/portal/invoices/" + invoice.Number + "/pay", PortalHost.Form(PortalHost.FormToken(page)));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(provider.Requests);
    }

    [Fact]
    public async Task Pay_ProviderUnavailable_Is503InTheCustomersWords()
    {
        var provider = new FakePaymentLinks { Unavailable = true };
        await using var host = await PortalHost.StartAsync(services: s => s.AddSingleton<IPaymentLinkProvider>(provider));
        var invoice = await host.IssueAsync(PortalHost.CustomerA);
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "en");
        var page = await browser.PageAsync("/portal/invoices/" + invoice.Number);

        using var response = await browser.PostAsync("/portal/invoices/" + invoice.Number + "/pay", PortalHost.Form(PortalHost.FormToken(page)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("The payment service did not answer.", await response.PageAsync());
        Assert.Equal(120m, (await host.Store.GetAccountAsync(invoice.Number))!.Balance);
    }
}
