using System.Net;
using Invoicing.Core;
using Invoicing.Payments.Stripe.Fake;
using NodaTime;

namespace Invoicing.Payments.Stripe.Tests.Fake;

/// <summary>
/// The fake Stripe end to end, with HttpClient for the browser: the real link provider makes a session on the fake, the
/// checkout page shows the amount and the invoice, Pay sends the signed event to the real webhook and returns to the
/// success URL, and the real SQLite store has the invoice paid.
/// </summary>
public sealed class FakeStripeEndToEndTests
{
    private static readonly Uri Success = new("https://shop.example.com/paid?session={CHECKOUT_SESSION_ID}");
    private static readonly Uri Cancel = new("https://shop.example.com/invoices");

    [Fact]
    public async Task Pay_OnTheCheckoutPage_RecordsThePaymentAndReturnsToTheSuccessUrl()
    {
        await using var stripe = await FakeStripe.StartAsync(null, StripeTestHost.Secret);
        await using var host = await StripeTestHost.StartAsync(stripe.ApiBase);
        stripe.WebhookUrl = host.WebhookUrl;
        var invoice = await host.IssueAsync();
        var request = PaymentLinkRequest.ForOpenBalance(await host.AccountAsync(invoice.Number), host.Clock.GetCurrentInstant().Plus(Duration.FromHours(2)), Success, Cancel);

        var link = await host.Links.CreateLinkAsync(request);

        var session = Assert.Single(stripe.Sessions);
        Assert.Equal(session.Id, link.ProviderReference);
        Assert.Equal(session.Url, link.Url);
        Assert.StartsWith(stripe.ApiBase.AbsoluteUri, link.Url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(request.ExpiresAt.ToUnixTimeSeconds(), link.ExpiresAt.ToUnixTimeSeconds());

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync(link.Url);
        Assert.Contains($"<h1>Pay invoice {invoice.Number}</h1>", page, StringComparison.Ordinal);
        Assert.Contains("120.00 EUR", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Pay</button>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Cancel.AbsoluteUri}\">Cancel</a>", page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);

        using var paid = await browser.PostAsync(new Uri(link.Url, $"/checkout/{session.Id}/pay"), null);

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal($"https://shop.example.com/paid?session={session.Id}", paid.Headers.Location!.AbsoluteUri);
        var delivery = Assert.Single(stripe.Deliveries);
        Assert.Equal("checkout.session.completed", delivery.Type);
        Assert.Equal(200, delivery.StatusCode);
        Assert.Contains("\"recorded\"", delivery.ResponseBody, StringComparison.Ordinal);
        var account = await host.AccountAsync(invoice.Number);
        Assert.Equal(InvoiceStatus.Paid, account.Status);
        var payment = Assert.Single(account.Payments);
        Assert.Equal(120m, payment.Amount);
        Assert.Equal(session.PaymentIntentId, payment.Reference);
        Assert.Equal(PaymentIds.For("stripe", session.PaymentIntentId!), payment.Id);

        using var again = await browser.PostAsync(new Uri(link.Url, $"/checkout/{session.Id}/pay"), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task RedeliverAsync_AStripeRetry_AnswersOkAndRecordsNothingMore()
    {
        await using var stripe = await FakeStripe.StartAsync(null, StripeTestHost.Secret);
        await using var host = await StripeTestHost.StartAsync(stripe.ApiBase);
        stripe.WebhookUrl = host.WebhookUrl;
        var invoice = await host.IssueAsync();
        var link = await host.Links.CreateLinkAsync(PaymentLinkRequest.ForOpenBalance(await host.AccountAsync(invoice.Number), host.Clock.GetCurrentInstant().Plus(Duration.FromHours(1)), Success, Cancel));
        var first = Assert.Single(await stripe.CompleteAsync(link.ProviderReference));

        var retry = await stripe.RedeliverAsync(first);

        Assert.Equal(first.EventId, retry.EventId);
        Assert.Equal(200, retry.StatusCode);
        Assert.Contains("already-recorded", retry.ResponseBody, StringComparison.Ordinal);
        Assert.Single((await host.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task CompleteAsync_DelayedPayment_IsRecordedOnceWhenItSucceeds()
    {
        await using var stripe = await FakeStripe.StartAsync(null, StripeTestHost.Secret);
        await using var host = await StripeTestHost.StartAsync(stripe.ApiBase);
        stripe.WebhookUrl = host.WebhookUrl;
        var invoice = await host.IssueAsync();
        var link = await host.Links.CreateLinkAsync(PaymentLinkRequest.ForOpenBalance(await host.AccountAsync(invoice.Number), host.Clock.GetCurrentInstant().Plus(Duration.FromHours(1)), Success, Cancel));

        var deliveries = await stripe.CompleteAsync(link.ProviderReference, delayedPayment: true);

        Assert.Equal(["checkout.session.completed", "checkout.session.async_payment_succeeded"], deliveries.Select(d => d.Type));
        Assert.Contains("ignored", deliveries[0].ResponseBody, StringComparison.Ordinal);
        Assert.Contains("\"recorded\"", deliveries[1].ResponseBody, StringComparison.Ordinal);
        var payment = Assert.Single((await host.AccountAsync(invoice.Number)).Payments);
        Assert.Equal(PaymentMethod.Other, payment.Method);
    }

    [Fact]
    public async Task CreateSession_WithoutAKey_IsRefusedAsStripeDoes()
    {
        await using var stripe = await FakeStripe.StartAsync(null, StripeTestHost.Secret);
        using var client = new HttpClient();

        using var response = await client.PostAsync(new Uri(stripe.ApiBase, "v1/checkout/sessions"), new FormUrlEncodedContent([new("mode", "payment")]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"invalid_request_error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
