using System.Net;
using Invoicing.Dunning;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Portal.Tests.Mail;

public sealed class PortalMailLinkSourceTests
{
    [Fact]
    public async Task GetLinks_GivesAMagicLinkThatOpensTheInvoiceCustomersList()
    {
        await using var host = await PortalHost.StartAsync(services: s => s.AddPortalLinksInMails());
        var mine = await host.IssueAsync(PortalHost.CustomerA);
        var theirs = await host.IssueAsync(PortalHost.CustomerB);
        var source = Assert.Single(host.Services.GetServices<IMailLinkSource>());

        var links = await source.GetLinksAsync((await host.Store.GetAccountAsync(mine.Number))!, "fr");

        Assert.Null(links.PaymentLink);
        var link = new Uri(links.PortalLink!);
        Assert.StartsWith("https://billing.example.com/portal/redeem", link.AbsoluteUri, StringComparison.Ordinal);
        var browser = host.Browser();
        using var redeemed = await browser.GetAsync(PortalHost.RelativeLink(link));
        Assert.Equal(HttpStatusCode.SeeOther, redeemed.StatusCode);
        var list = await browser.PageAsync("/portal/invoices");
        Assert.Contains(mine.Number, list, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Number, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLinks_CustomerKeyTheLinkCannotCarry_GivesNoLinkInsteadOfFailingTheMail()
    {
        await using var host = await PortalHost.StartAsync(services: s => s.AddPortalLinksInMails());
        var issued = await host.IssueAsync(new string('K', 201));
        var source = Assert.Single(host.Services.GetServices<IMailLinkSource>());

        var links = await source.GetLinksAsync((await host.Store.GetAccountAsync(issued.Number))!, "en");

        Assert.Equal(MailLinks.None, links);
    }
}
