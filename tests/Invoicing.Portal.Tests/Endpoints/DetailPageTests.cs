using System.Net;
using Invoicing.Core;

namespace Invoicing.Portal.Tests.Endpoints;

public sealed class DetailPageTests
{
    [Fact]
    public async Task Detail_ShowsLinesAmountsAndPayments()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA);
        await host.PayAsync(invoice.Number, 20m);
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "en");

        using var response = await browser.GetAsync("/portal/invoices/" + invoice.Number);
        var html = await response.PageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Invoice " + invoice.Number + "</h1>", html);
        Assert.Contains("<th scope=\"row\">Suspension laiton</th><td class=\"amount\">2</td><td class=\"amount\">50.00\u00a0EUR</td><td class=\"amount\">20\u00a0%</td><td class=\"amount\">100.00\u00a0EUR</td>", html);
        Assert.Contains("<th scope=\"row\">Total including VAT</th><td class=\"amount\">120.00\u00a0EUR</td>", html);
        Assert.Contains("<th scope=\"row\">Paid</th><td class=\"amount\">20.00\u00a0EUR</td>", html);
        Assert.Contains("<th scope=\"row\">Balance due</th><td class=\"amount\">100.00\u00a0EUR</td>", html);
        Assert.Contains("<td>Bank transfer</td>", html);
        Assert.Contains("status-partlypaid\">Partly paid<", html);
    }

    [Fact]
    public async Task Detail_View_IsRecordedAsAViewedEvent()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA);
        var browser = await host.SignedInAsync(PortalHost.CustomerA);

        await browser.PageAsync("/portal/invoices/" + invoice.Number);
        await browser.PageAsync("/portal/invoices/" + invoice.Number);

        var viewed = (await host.AllEventsAsync()).Where(e => e.Kind == InvoiceEventKind.Viewed).ToList();
        Assert.Equal(2, viewed.Count);
        Assert.All(viewed, e => Assert.Equal(invoice.Number, e.InvoiceNumber));
        Assert.All(viewed, e => Assert.Equal("portal", e.Data["source"]));
    }

    [Fact]
    public async Task Detail_UnknownNumber_Is404AndRecordsNothing()
    {
        await using var host = await PortalHost.StartAsync();
        await host.IssueAsync(PortalHost.CustomerA);
        var browser = await host.SignedInAsync(PortalHost.CustomerA);
        var before = await host.AllEventsAsync();

        using var response = await browser.GetAsync("/portal/invoices/F2099-99999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before.Count, (await host.AllEventsAsync()).Count);
    }
}
