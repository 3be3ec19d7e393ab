using System.Net;
using Invoicing.Core;
using Microsoft.AspNetCore.WebUtilities;
using NodaTime;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Invoicing.Payments.Stripe.Tests.Links;

/// <summary>The Checkout Session request, against a WireMock server answering as Stripe's API does.</summary>
public sealed class StripePaymentLinkProviderTests : IDisposable
{
    private static readonly Instant Now = StripeTestHost.Start;
    private static readonly Instant Expiry = Now.Plus(Duration.FromHours(24));
    private static readonly Uri Success = new("https://shop.example.com/paid?session={CHECKOUT_SESSION_ID}");
    private static readonly Uri Cancel = new("https://shop.example.com/invoices");

    private readonly WireMockServer _stripe = WireMockServer.Start();

    public void Dispose() => _stripe.Stop();

    [Fact]
    public async Task CreateLinkAsync_OpenInvoice_SendsTheCheckoutSessionFormAndReturnsItsPage()
    {
        Answer(200, StripeCheckoutSessionJson.Session(Expiry.ToUnixTimeSeconds()));
        await using var host = await StripeTestHost.StartAtAsync(Now, new Uri(_stripe.Url!));
        var invoice = await host.IssueAsync();

        var link = await host.Links.CreateLinkAsync(PaymentLinkRequest.ForOpenBalance(await host.AccountAsync(invoice.Number), Expiry, Success, Cancel));

        Assert.Equal(new Uri(StripeCheckoutSessionJson.Url), link.Url);
        Assert.Equal(StripeCheckoutSessionJson.SessionId, link.ProviderReference);
        Assert.Equal(Expiry, link.ExpiresAt);
        var request = Assert.Single(_stripe.LogEntries).RequestMessage;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/checkout/sessions", request.Path);
        Assert.Equal("Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc", request.Headers!["Authorization"].Single());
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"].Single(), StringComparison.Ordinal);
        var form = QueryHelpers.ParseQuery(request.Body).ToDictionary(f => f.Key, f => f.Value.ToString());
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["mode"] = "payment",
                ["client_reference_id"] = invoice.Number,
                ["metadata[invoice_number]"] = invoice.Number,
                ["metadata[customer_key]"] = "987654324",
                ["payment_intent_data[metadata][invoice_number]"] = invoice.Number,
                ["payment_intent_data[metadata][customer_key]"] = "987654324",
                ["expires_at"] = Expiry.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["success_url"] = "https://shop.example.com/paid?session={CHECKOUT_SESSION_ID}",
                ["cancel_url"] = "https://shop.example.com/invoices",
                ["line_items[0][quantity]"] = "1",
                ["line_items[0][price_data][currency]"] = "eur",
                ["line_items[0][price_data][unit_amount]"] = "12000",
                ["line_items[0][price_data][product_data][name]"] = $"Invoice {invoice.Number}",
            },
            form);
    }

    [Theory]
    [InlineData("JPY", 1000, "1200")]
    [InlineData("KWD", 10.125, "12150")]
    [InlineData("EUR", 0.01, "1")]
    public async Task CreateLinkAsync_Amount_IsSentInTheCurrencysMinorUnits(string currency, double netPrice, string expected)
    {
        Answer(200, StripeCheckoutSessionJson.Session(Expiry.ToUnixTimeSeconds()));
        await using var host = await StripeTestHost.StartAtAsync(Now, new Uri(_stripe.Url!));
        var invoice = await host.IssueAsync((decimal)netPrice, Currency.FromCode(currency));

        await host.Links.CreateLinkAsync(PaymentLinkRequest.ForOpenBalance(await host.AccountAsync(invoice.Number), Expiry, Success, Cancel));

        var form = QueryHelpers.ParseQuery(Assert.Single(_stripe.LogEntries).RequestMessage.Body);
        Assert.Equal(expected, form["line_items[0][price_data][unit_amount]"].ToString());
        Assert.Equal(currency.ToLowerInvariant(), form["line_items[0][price_data][currency]"].ToString());
    }

    [Fact]
    public async Task CreateLinkAsync_LineItemLabel_NamesTheLine()
    {
        Answer(200, StripeCheckoutSessionJson.Session(Expiry.ToUnixTimeSeconds()));
        await using var host = await StripeTestHost.StartAsync(new Uri(_stripe.Url!), new NodaTime.Testing.FakeClock(Now), o => o.LineItemLabel = "Facture");
        var invoice = await host.IssueAsync();

        await host.Links.CreateLinkAsync(PaymentLinkRequest.ForOpenBalance(await host.AccountAsync(invoice.Number), Expiry, Success, Cancel));

        Assert.Equal($"Facture {invoice.Number}", QueryHelpers.ParseQuery(Assert.Single(_stripe.LogEntries).RequestMessage.Body)["line_items[0][price_data][product_data][name]"].ToString());
    }

    public static TheoryData<int, string, string?, string?, string, bool, string> Errors() => new()
    {
        { 400, "invalid_request_error", "parameter_invalid_integer", "line_items[0][price_data][unit_amount]", "invalid-request", false, "line_items[0][price_data][unit_amount]" },
        { 401, "invalid_request_error", null, null, "authentication", false, "secret key" },
        { 402, "card_error", "amount_too_large", null, "request-failed", false, "amount_too_large" },
        { 403, "invalid_request_error", null, null, "permission", false, "Checkout Sessions" },
        { 429, "invalid_request_error", "rate_limit", null, "rate-limited", true, "Try again" },
        { 500, "api_error", null, null, "unavailable", true, "not available" },
        { 503, "api_error", null, null, "unavailable", true, "not available" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task CreateLinkAsync_StripeError_BecomesATypedErrorInTheUsersWords(int status, string type, string? code, string? param, string expectedCode, bool transient, string saying)
    {
        const string stripeMessage = "This message is written for the integration's developer.";
        Answer(status, StripeCheckoutSessionJson.Error(type, stripeMessage, code, param));
        await using var host = await StripeTestHost.StartAtAsync(Now, new Uri(_stripe.Url!));
        var invoice = await host.IssueAsync();
        var request = PaymentLinkRequest.ForOpenBalance(await host.AccountAsync(invoice.Number), Expiry, Success, Cancel);

        var exception = await Assert.ThrowsAsync<PaymentProviderException>(() => host.Links.CreateLinkAsync(request));

        Assert.Equal("stripe", exception.Provider);
        Assert.Equal(expectedCode, exception.Code);
        Assert.Equal(transient, exception.Transient);
        Assert.Contains(invoice.Number, exception.Message, StringComparison.Ordinal);
        Assert.Contains(saying, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(stripeMessage, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Stripe.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateLinkAsync_Retries_AfterAServerErrorWithTheSameIdempotencyKey()
    {
        _stripe.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost()).InScenario("busy").WillSetStateTo("calm")
            .RespondWith(Response.Create().WithStatusCode(500).WithHeader("Content-Type", "application/json").WithBody(StripeCheckoutSessionJson.Error("api_error", "Something went wrong on Stripe's end.")));
        _stripe.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost()).InScenario("busy").WhenStateIs("calm")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(StripeCheckoutSessionJson.Session(Expiry.ToUnixTimeSeconds())));
        await using var host = await StripeTestHost.StartAsync(new Uri(_stripe.Url!), new NodaTime.Testing.FakeClock(Now), o => o.MaxNetworkRetries = 1);
        var invoice = await host.IssueAsync();

        var link = await host.Links.CreateLinkAsync(PaymentLinkRequest.ForOpenBalance(await host.AccountAsync(invoice.Number), Expiry, Success, Cancel));

        Assert.Equal(StripeCheckoutSessionJson.SessionId, link.ProviderReference);
        var keys = _stripe.LogEntries.Select(e => e.RequestMessage.Headers!["Idempotency-Key"].Single()).ToArray();
        Assert.Equal(2, keys.Length);
        Assert.Equal(keys[0], keys[1]);
    }

    [Theory]
    [InlineData(29)]
    [InlineData(24 * 60 + 1)]
    [InlineData(-5)]
    public async Task CreateLinkAsync_ExpiryOutsideStripesWindow_IsRefusedWithoutARequest(int minutes)
    {
        await using var host = await StripeTestHost.StartAtAsync(Now, new Uri(_stripe.Url!));
        var invoice = await host.IssueAsync();
        var request = PaymentLinkRequest.ForOpenBalance(await host.AccountAsync(invoice.Number), Now.Plus(Duration.FromMinutes(minutes)), Success, Cancel);

        var exception = await Assert.ThrowsAsync<InvoiceValidationException>(() => host.Links.CreateLinkAsync(request));

        var issue = Assert.Single(exception.Issues);
        Assert.Equal("PAY-STRIPE-EXPIRY", issue.RuleId);
        Assert.Equal("expiresAt", issue.Path);
        Assert.Empty(_stripe.LogEntries);
    }

    [Fact]
    public async Task CreateLinkAsync_AboveStripesLargestAmount_IsRefusedWithoutARequest()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now, new Uri(_stripe.Url!));
        var request = new PaymentLinkRequest("F2026-00001", "987654324", 1_000_000.00m, Currency.Eur, Expiry, Success, Cancel);

        var exception = await Assert.ThrowsAsync<InvoiceValidationException>(() => host.Links.CreateLinkAsync(request));

        var issue = Assert.Single(exception.Issues);
        Assert.Equal("PAY-STRIPE-AMOUNT", issue.RuleId);
        Assert.Equal("amount", issue.Path);
        Assert.Contains("999999.99 EUR", issue.Message, StringComparison.Ordinal);
        Assert.Empty(_stripe.LogEntries);
    }

    [Fact]
    public async Task CreateLinkAsync_StripeUnreachable_IsATransientTypedError()
    {
        var closed = new Uri(_stripe.Url!);
        _stripe.Stop();
        await using var host = await StripeTestHost.StartAtAsync(Now, closed);
        var invoice = await host.IssueAsync();
        var request = PaymentLinkRequest.ForOpenBalance(await host.AccountAsync(invoice.Number), Expiry, Success, Cancel);

        var exception = await Assert.ThrowsAsync<PaymentProviderException>(() => host.Links.CreateLinkAsync(request));

        Assert.Equal("unavailable", exception.Code);
        Assert.True(exception.Transient);
        Assert.Contains("could not be reached", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateLinkAsync_AnswerWithoutAUrl_IsATypedError()
    {
        Answer(200, StripeCheckoutSessionJson.Session(Expiry.ToUnixTimeSeconds()).Replace($"\"url\": \"{StripeCheckoutSessionJson.Url}\"", "\"url\": null", StringComparison.Ordinal));
        await using var host = await StripeTestHost.StartAtAsync(Now, new Uri(_stripe.Url!));
        var invoice = await host.IssueAsync();
        var request = PaymentLinkRequest.ForOpenBalance(await host.AccountAsync(invoice.Number), Expiry, Success, Cancel);

        var exception = await Assert.ThrowsAsync<PaymentProviderException>(() => host.Links.CreateLinkAsync(request));

        Assert.Equal("unexpected-answer", exception.Code);
    }

    private void Answer(int status, string json) =>
        _stripe.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode((HttpStatusCode)status).WithHeader("Content-Type", "application/json").WithBody(json));
}
