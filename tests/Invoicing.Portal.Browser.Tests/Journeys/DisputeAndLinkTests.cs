using Invoicing.Core;
using Invoicing.Dunning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using Xunit.Abstractions;

namespace Invoicing.Portal.Browser.Tests.Journeys;

/// <summary>Dispute through the page (reminders pause), the expired and tampered link pages, and the French pages, in chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DisputeAndLinkTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Dispute_WithTheKeyboard_ShowsTheConfirmationAndPausesReminders()
    {
        await using var sample = await SampleHost.StartAsync();
        var today = sample.Host.Services.GetRequiredService<InvoicingService>().Today;
        var overdue = (await sample.DemoCustomerAccountsAsync()).Single(a => a.IsOpen && a.DueDate < today && a.Paid == 0m);
        var morning = sample.Host.Services.GetRequiredService<NodaTime.IClock>().GetCurrentInstant();
        Assert.NotEqual(PlanOutcome.Disputed, (await sample.DunningDecisionAsync(overdue.Number, morning)).Outcome);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(sample.Host.MagicLink().AbsoluteUri);
        await page.GotoAsync(sample.Url("portal/invoices/" + overdue.Number).AbsoluteUri);

        await page.Locator("#reason").FillAsync("Livraison incomplète: two lamps missing");
        var dispute = page.GetByRole(AriaRole.Button, new() { Name = "Dispute the invoice" });
        await PayJourneyTests.TabToAsync(page, dispute);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("paused the reminders");
        await Assertions.Expect(dispute).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        Assert.True((await sample.DunningSettings.GetInvoiceAsync(overdue.Number))!.Disputed);
        Assert.Equal(PlanOutcome.Disputed, (await sample.DunningDecisionAsync(overdue.Number, morning)).Outcome);
        Assert.Equal(overdue.Balance, (await sample.Store.GetAccountAsync(overdue.Number))!.Balance);
    }

    [Fact]
    public async Task ExpiredLink_ShowsTheRefusedPage_AndOpensNothing()
    {
        await using var sample = await SampleHost.StartAsync(controlledClock: true);
        var link = sample.Host.Services.GetRequiredService<IPortalLinks>().CreateLink(sample.Host.DemoCustomerKey, Duration.FromHours(1));
        sample.Time!.Advance(TimeSpan.FromHours(2));
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(link.AbsoluteUri);

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This link cannot be used");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        var list = await page.GotoAsync(sample.Url("portal/invoices").AbsoluteUri);
        Assert.DoesNotContain(sample.Host.DemoCustomerKey, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.NotEqual(200, list!.Status);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [Fact]
    public async Task TamperedLink_ShowsTheRefusedPage()
    {
        await using var sample = await SampleHost.StartAsync();
        var link = sample.Host.MagicLink().AbsoluteUri;
        var tampered = link[..^3] + (link[^3] == 'A' ? 'B' : 'A') + link[^2..];
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(tampered);

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This link cannot be used");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [Fact]
    public async Task FrenchBrowser_GetsTheFrenchPages()
    {
        await using var sample = await SampleHost.StartAsync();
        await using var context = await browser.NewContextAsync(locale: "fr-FR");
        var page = await context.NewPageAsync();

        await page.GotoAsync(sample.Host.MagicLink().AbsoluteUri);

        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Vos factures et avoirs");
        await Assertions.Expect(page.Locator(".status-overdue").First).ToBeVisibleAsync();
        Assert.Contains("En retard", await page.Locator(".status-overdue").First.TextContentAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.Locator("table.documents tbody th[scope=row] a").First.ClickAsync();
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }
}
