using Invoicing.Core;
using Invoicing.Dunning;
using Invoicing.Pdf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using Xunit.Abstractions;

namespace Invoicing.Portal.Browser.Tests.Journeys;

/// <summary>
/// A customer's whole way in chromium: the magic link, the list of their own documents, the PDF, Pay, the Stripe
/// stand-in's checkout, its signed webhook into the real endpoint, recorder and SQLite store, "paid" on the page, and
/// nothing left for dunning.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PayJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task MagicLink_ListPdfPayCheckout_InvoicePaidAndNoReminderLeft()
    {
        await using var sample = await SampleHost.StartAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // The magic link opens the list of this customer's documents, and only theirs.
        await page.GotoAsync(sample.Host.MagicLink().AbsoluteUri);
        Assert.EndsWith("/portal/invoices", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        var own = await sample.DemoCustomerAccountsAsync();
        var listed = await page.Locator("table.documents tbody th[scope=row] a").AllTextContentsAsync();
        Assert.Equal(own.Select(a => a.Number).Order(StringComparer.Ordinal), listed.Select(n => n.Trim()).Order(StringComparer.Ordinal));
        await foreach (var other in sample.Store.QueryAsync(InvoiceQuery.All))
        {
            if (other.Invoice.Document.CustomerKey != sample.Host.DemoCustomerKey)
            {
                Assert.DoesNotContain(other.Number, await page.ContentAsync(), StringComparison.Ordinal);
            }
        }

        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        // The open invoice of today: its detail page, its PDF and its Factur-X PDF.
        var today = sample.Host.Services.GetRequiredService<InvoicingService>().Today;
        var invoice = own.Single(a => a.IsOpen && a.Balance == a.AmountDue && a.DueDate > today && !a.Invoice.Document.Type.IsCreditNote() && a.Invoice.Document.IssueDate == today);
        await page.GetByRole(AriaRole.Link, new() { Name = invoice.Number, Exact = true }).ClickAsync();
        Assert.EndsWith("/portal/invoices/" + invoice.Number, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        var pdf = await DownloadAsync(page, "a[href$='/pdf']");
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var facturX = FacturXReader.Read(await DownloadAsync(page, "a[href$='/facturx']"));
        Assert.Equal(invoice.Number, facturX.Invoice.Number);
        Assert.Equal(invoice.Invoice.Totals.AmountDue, facturX.StatedTotals.AmountDue);
        Assert.Equal(invoice.Invoice.Totals.TaxExclusiveAmount, facturX.StatedTotals.TaxExclusiveAmount);
        Assert.Equal(invoice.Invoice.Totals.VatTotal, facturX.StatedTotals.VatTotal);

        // Pay, reached with the keyboard: Tab until the Pay button has the focus, then Enter.
        var pay = page.Locator("form.pay button[type=submit]");
        await TabToAsync(page, pay);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.StartsWith(sample.Host.Stripe!.ApiBase.AbsoluteUri, StringComparison.Ordinal));
        // The invoice mail of the sample made a first session; the Pay button makes its own, coming back to the detail page.
        var session = sample.Host.Stripe!.Sessions[^1];
        Assert.EndsWith("/portal/invoices/" + invoice.Number, session.CancelUrl, StringComparison.Ordinal);
        Assert.Equal(invoice.Number, session.ClientReferenceId);
        Assert.Equal((long)(invoice.Balance * 100m), session.AmountTotal);

        // The stand-in's checkout page posts the signed webhook and sends the browser back to the portal.
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(sample.Address.AbsoluteUri, StringComparison.Ordinal));
        var delivery = Assert.Single(sample.Host.Stripe.Deliveries);
        Assert.True(delivery.Succeeded, $"webhook answered {delivery.StatusCode}: {delivery.ResponseBody}");

        // The page shows "Paid" once the store has the payment (the webhook is answered before the redirect, reload to be sure).
        await page.GotoAsync(sample.Url("portal/invoices/" + invoice.Number).AbsoluteUri);
        await Assertions.Expect(page.Locator(".status-paid").First).ToHaveTextAsync("Paid");
        var paid = (await sample.Store.GetAccountAsync(invoice.Number))!;
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Equal(0m, paid.Balance);
        var payment = Assert.Single(paid.Payments);
        Assert.Equal(invoice.Balance, payment.Amount);

        // Nothing left for dunning, on any day of the default policy's calendar.
        for (var day = -7; day <= 70; day++)
        {
            var when = paid.DueDate.PlusDays(day).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/Paris"]).ToInstant() + Duration.FromHours(9);
            Assert.Equal(PlanOutcome.Settled, (await sample.DunningDecisionAsync(invoice.Number, when)).Outcome);
        }
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(selector).ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path!);
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus; fails when it is not reachable in 60 presses.</summary>
    internal static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {target}.");
    }
}
