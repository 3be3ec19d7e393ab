using System.Text.RegularExpressions;
using Invoicing.Core;
using Invoicing.Pdf;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit.Abstractions;

namespace Invoicing.Portal.Browser.Tests.Journeys;

/// <summary>The sample mails the demo customer's new invoice; the links in that mail work in the browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class InvoiceMailLinkTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task InvoiceMail_CarriesTheFacturXPdf_ItsPortalLinkOpensTheList_ItsPaymentLinkTheCheckout()
    {
        await using var sample = await SampleHost.StartAsync();
        var file = Assert.Single(Directory.GetFiles(sample.Host.MailFolder, "*.eml"));
        using var mail = await MimeMessage.LoadAsync(file);
        var today = sample.Host.Services.GetRequiredService<Invoicing.Core.InvoicingService>().Today;
        var number = Assert.Single((await sample.DemoCustomerAccountsAsync()).Where(a => a.Invoice.Document.IssueDate == today && !a.Invoice.Document.Type.IsCreditNote()).Select(a => a.Number));
        Assert.Equal("compta@dupont-fils.example", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains(number, mail.Subject, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        using (var pdf = new MemoryStream())
        {
            await attachment.Content!.DecodeToAsync(pdf);
            Assert.Equal(number, FacturXReader.Read(pdf.ToArray()).Invoice.Number);
        }

        var links = Href().Matches(mail.HtmlBody!).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var portal = Assert.Single(links, l => l.StartsWith(sample.Url("portal/redeem").AbsoluteUri, StringComparison.Ordinal));
        var payment = Assert.Single(links, l => l.StartsWith(sample.Host.Stripe!.ApiBase.AbsoluteUri, StringComparison.Ordinal));
        Assert.Contains(portal, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(payment, mail.TextBody, StringComparison.Ordinal);
        await using var context = await browser.NewContextAsync(locale: "fr-FR");
        var page = await context.NewPageAsync();

        await page.GotoAsync(portal);
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = number, Exact = true })).ToBeVisibleAsync();
        var checkout = await page.GotoAsync(payment);

        Assert.Equal(200, checkout!.Status);
        Assert.Contains(number, await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        output.WriteLine($"portal link {portal}, payment link {payment}");
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
