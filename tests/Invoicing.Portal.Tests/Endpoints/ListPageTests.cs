using System.Net;
using Invoicing.Core;

namespace Invoicing.Portal.Tests.Endpoints;

public sealed class ListPageTests
{
    [Fact]
    public async Task List_SignedIn_ShowsOnlyTheCustomersDocumentsWithStatusBalanceAndTotals()
    {
        await using var host = await PortalHost.StartAsync();
        var open = await host.IssueAsync(PortalHost.CustomerA, dueInDays: 10);
        var overdue = await host.IssueAsync(PortalHost.CustomerA, dueInDays: -5, netPrice: 200m);
        var usd = await host.IssueAsync(PortalHost.CustomerA, dueInDays: 10, netPrice: 50m, currency: Currency.Usd);
        var other = await host.IssueAsync(PortalHost.CustomerB);
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "en");

        using var response = await browser.GetAsync("/portal/invoices");
        var html = await response.PageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(open.Number, html);
        Assert.Contains(overdue.Number, html);
        Assert.Contains(usd.Number, html);
        Assert.DoesNotContain(other.Number, html);
        Assert.Contains("status-overdue\">Overdue<", html);
        Assert.Contains("status-open\">Open<", html);
        // EUR due: 120.00 + 240.00; of which overdue 240.00; USD due 60.00.
        Assert.Contains("<th scope=\"row\">EUR</th><td class=\"amount\">360.00\u00a0EUR</td><td class=\"amount\">240.00\u00a0EUR</td>", html);
        Assert.Contains("<th scope=\"row\">USD</th><td class=\"amount\">60.00\u00a0USD</td><td class=\"amount\">0.00\u00a0USD</td>", html);
    }

    [Fact]
    public async Task List_CreditNote_IsListedWithoutBalanceAndItsInvoiceShowsCredited()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA);
        var credit = await host.CreditInFullAsync(invoice);
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "en");

        var html = await browser.PageAsync("/portal/invoices");

        Assert.Contains(credit.Number, html);
        Assert.Contains("<td>Credit note</td>", html);
        Assert.Contains("status-creditnote\">Credit note issued<", html);
        Assert.Contains("status-credited\">Credited<", html);
        Assert.Contains("<th scope=\"row\">EUR</th><td class=\"amount\">0.00\u00a0EUR</td>", html);
    }

    [Fact]
    public async Task List_WithoutSession_IsRefusedAndShowsNoDocument()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA);

        using var response = await host.Browser().GetAsync("/portal/invoices");
        var html = await response.PageAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(invoice.Number, html);
    }

    [Fact]
    public async Task List_NoDocuments_SaysSo()
    {
        await using var host = await PortalHost.StartAsync();
        var browser = await host.SignedInAsync("C-NEW", "en");

        var html = await browser.PageAsync("/portal/invoices");

        Assert.Contains("There is no invoice or credit note for your account yet.", html);
    }
}
