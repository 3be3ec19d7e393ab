using System.Net;
using System.Text.Json;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Payments.Stripe.Tests.Webhooks;

/// <summary>The webhook endpoint on a real host over a real SQLite store, with events signed here by an independent HMAC.</summary>
public sealed class StripeWebhookTests
{
    private static readonly Instant Now = StripeTestHost.Start.Plus(Duration.FromHours(2));

    [Fact]
    public async Task Completed_PaidSession_RecordsThePaymentOnce()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();

        using var response = await host.DeliverSignedAsync(StripeEventJson.Completed("evt_1", invoice.Number, 12000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("recorded", await OutcomeAsync(response));
        var account = await host.AccountAsync(invoice.Number);
        Assert.Equal(InvoiceStatus.Paid, account.Status);
        var payment = Assert.Single(account.Payments);
        Assert.Equal(120m, payment.Amount);
        Assert.Equal("pi_3QxYz1LkdIwHu7ix0abc1234", payment.Reference);
        Assert.Equal(PaymentMethod.Card, payment.Method);
        // The event's creation time (1793610000, 2026-11-02T09:00Z) is the value date, in Paris.
        Assert.Equal(new LocalDate(2026, 11, 2), payment.Date);
    }

    [Fact]
    public async Task Completed_DeliveredTwice_AnswersOkAndRecordsOnePayment()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();
        var payload = StripeEventJson.Completed("evt_1", invoice.Number, 5000);

        using var first = await host.DeliverSignedAsync(payload);
        using var second = await host.DeliverSignedAsync(payload);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("already-recorded", await OutcomeAsync(second));
        var account = await host.AccountAsync(invoice.Number);
        Assert.Single(account.Payments);
        Assert.Equal(70m, account.Balance);
    }

    [Fact]
    public async Task CompletedThenAsyncSucceeded_OfOnePayment_RecordOnePayment()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();

        using var completed = await host.DeliverSignedAsync(StripeEventJson.Completed("evt_1", invoice.Number, 12000));
        using var succeeded = await host.DeliverSignedAsync(StripeEventJson.AsyncSucceeded("evt_2", invoice.Number, 12000));

        Assert.Equal("already-recorded", await OutcomeAsync(succeeded));
        Assert.Single((await host.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task AsyncSucceededBeforeCompleted_OutOfOrder_RecordsOnePayment()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();

        using var succeeded = await host.DeliverSignedAsync(StripeEventJson.AsyncSucceeded("evt_2", invoice.Number, 12000));
        using var completedUnpaid = await host.DeliverSignedAsync(StripeEventJson.Completed("evt_1", invoice.Number, 12000, paymentStatus: "unpaid"));
        using var completedPaid = await host.DeliverSignedAsync(StripeEventJson.Completed("evt_3", invoice.Number, 12000));

        Assert.Equal("recorded", await OutcomeAsync(succeeded));
        Assert.Equal("ignored", await OutcomeAsync(completedUnpaid));
        Assert.Equal("already-recorded", await OutcomeAsync(completedPaid));
        var payment = Assert.Single((await host.AccountAsync(invoice.Number)).Payments);
        Assert.Equal(PaymentMethod.Other, payment.Method);
    }

    [Fact]
    public async Task Completed_UnpaidSession_WaitsForTheAsyncPayment()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();

        using var response = await host.DeliverSignedAsync(StripeEventJson.Completed("evt_1", invoice.Number, 12000, paymentStatus: "unpaid"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignored", await OutcomeAsync(response));
        Assert.Empty((await host.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task PartialPayments_LeaveTheBalanceOpenThenAdd()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();

        using var first = await host.DeliverSignedAsync(StripeEventJson.Completed("evt_1", invoice.Number, 4000, paymentIntent: "pi_a"));
        var open = await host.AccountAsync(invoice.Number);
        using var second = await host.DeliverSignedAsync(StripeEventJson.Completed("evt_2", invoice.Number, 2550, paymentIntent: "pi_b"));

        Assert.Equal(80m, open.Balance);
        Assert.True(open.IsOpen);
        var account = await host.AccountAsync(invoice.Number);
        Assert.Equal(54.5m, account.Balance);
        Assert.Equal(InvoiceStatus.PartiallyPaid, account.Status);
    }

    [Theory]
    [InlineData("payment_intent.succeeded")]
    [InlineData("checkout.session.expired")]
    [InlineData("checkout.session.async_payment_failed")]
    [InlineData("charge.refunded")]
    public async Task OtherEventTypes_AreAnsweredOkAndRecordNothing(string type)
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();

        using var response = await host.DeliverSignedAsync(StripeEventJson.CheckoutSession(type, "evt_1", invoice.Number, 12000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignored", await OutcomeAsync(response));
        Assert.Empty((await host.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task SessionNotMadeForAnInvoice_IsIgnored()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();

        using var response = await host.DeliverSignedAsync(StripeEventJson.CheckoutSession("checkout.session.completed", "evt_1", invoice.Number, 12000, withMetadata: false));

        Assert.Equal("ignored", await OutcomeAsync(response));
        Assert.Empty((await host.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task TwoV1Signatures_WhileTheSecretIsRolled_OneMatching_IsAccepted()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();
        var payload = StripeEventJson.Completed("evt_1", invoice.Number, 12000);
        var t = Now.ToUnixTimeSeconds();
        var old = TestSignature.Header("whsec_the_previous_secret_0000000000", payload, t).Split(',')[1];

        using var response = await host.DeliverAsync(payload, $"{TestSignature.Header(StripeTestHost.Secret, payload, t)},{old},v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39");

        Assert.Equal("recorded", await OutcomeAsync(response));
    }

    public static TheoryData<string, string> BadSignatures() => new()
    {
        { "no header", "PAY-STRIPE-SIGNATURE-MISSING" },
        { "empty header", "PAY-STRIPE-SIGNATURE-MISSING" },
        { "garbage header", "PAY-STRIPE-SIGNATURE-MALFORMED" },
        { "no v1", "PAY-STRIPE-SIGNATURE-MALFORMED" },
        { "no timestamp", "PAY-STRIPE-SIGNATURE-MALFORMED" },
        { "wrong secret", "PAY-STRIPE-SIGNATURE-MISMATCH" },
        { "tampered body", "PAY-STRIPE-SIGNATURE-MISMATCH" },
        { "signature of another timestamp", "PAY-STRIPE-SIGNATURE-MISMATCH" },
        { "replayed after the tolerance", "PAY-STRIPE-SIGNATURE-EXPIRED" },
        { "from the future", "PAY-STRIPE-SIGNATURE-EXPIRED" },
        { "huge timestamp", "PAY-STRIPE-SIGNATURE-MALFORMED" },
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task BadlySigned_IsRefusedWith400AndChangesNothing(string kind, string rule)
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();
        var payload = StripeEventJson.Completed("evt_1", invoice.Number, 12000);
        var t = Now.ToUnixTimeSeconds();
        var good = TestSignature.Header(StripeTestHost.Secret, payload, t);
        var (body, header) = kind switch
        {
            "no header" => (payload, (string?)null),
            "empty header" => (payload, ""),
            "garbage header" => (payload, "this is not a signature"),
            "no v1" => (payload, good.Split(',')[0]),
            "no timestamp" => (payload, good.Split(',')[1]),
            "wrong secret" => (payload, TestSignature.Header("whsec_someone_elses_secret_000000000", payload, t)),
            "tampered body" => (payload.Replace("\"amount_total\": 12000", "\"amount_total\": 12", StringComparison.Ordinal), good),
            "signature of another timestamp" => (payload, $"t={t + 1},{good.Split(',')[1]}"),
            "replayed after the tolerance" => (payload, TestSignature.Header(StripeTestHost.Secret, payload, t - 301)),
            "from the future" => (payload, TestSignature.Header(StripeTestHost.Secret, payload, t + 301)),
            "huge timestamp" => (payload, TestSignature.Header(StripeTestHost.Secret, payload, long.MaxValue)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        Assert.True(kind != "tampered body" || body != payload, "the tampering changed the body");

        using var response = await host.DeliverAsync(body, header);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        Assert.Equal("Stripe-Signature", problem.GetProperty("field").GetString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty((await host.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task SignedWithinTheTolerance_IsAccepted()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();
        var payload = StripeEventJson.Completed("evt_1", invoice.Number, 12000);

        using var response = await host.DeliverAsync(payload, TestSignature.Header(StripeTestHost.Secret, payload, Now.ToUnixTimeSeconds() - 299));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"id\": \"evt_1\"")]
    [InlineData("{\"object\": \"customer\", \"id\": \"cus_1\"}")]
    [InlineData("[]")]
    [InlineData("{\"object\": \"event\", \"id\": \"evt_1\", \"type\": \"checkout.session.completed\", \"data\": []}")]
    [InlineData("{\"object\": \"event\", \"id\": 7, \"type\": \"checkout.session.completed\", \"data\": {\"object\": {}}}")]
    [InlineData("{\"object\": \"event\", \"id\": \"evt_1\", \"type\": \"checkout.session.completed\", \"created\": \"yesterday\", \"data\": {\"object\": {\"object\": \"checkout.session\", \"id\": \"cs_1\"}}}")]
    [InlineData("{\"object\": \"event\", \"id\": \"evt_1\", \"type\": \"checkout.session.completed\", \"data\": {\"object\": {\"object\": \"checkout.session\", \"id\": \"cs_1\", \"amount_total\": \"lots\"}}}")]
    public async Task SignedButMalformed_IsRefusedWith400(string payload)
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);

        using var response = await host.DeliverSignedAsync(payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PAY-STRIPE-EVENT-MALFORMED", (await ProblemAsync(response)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task SignedButNotUtf8_IsRefusedWith400()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        byte[] body = [0x7B, 0xFF, 0xFE, 0x7D];
        var t = Now.ToUnixTimeSeconds();
        using var hmac = new System.Security.Cryptography.HMACSHA256(System.Text.Encoding.UTF8.GetBytes(StripeTestHost.Secret));
        var signed = System.Text.Encoding.UTF8.GetBytes($"{t}.").Concat(body).ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", $"t={t},v1={Convert.ToHexString(hmac.ComputeHash(signed)).ToLowerInvariant()}");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PAY-STRIPE-EVENT-MALFORMED", (await ProblemAsync(response)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task SignedWithAnUnknownCurrency_IsRefusedWith400()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();

        using var response = await host.DeliverSignedAsync(StripeEventJson.Completed("evt_1", invoice.Number, 12000, currency: "xxz"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PAY-STRIPE-CURRENCY", (await ProblemAsync(response)).GetProperty("rule").GetString());
        Assert.Empty((await host.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task SignedWithoutAnAmount_IsRefusedWith400()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();
        var payload = StripeEventJson.Completed("evt_1", invoice.Number, 12000).Replace("\"amount_total\": 12000", "\"amount_total\": null", StringComparison.Ordinal);

        using var response = await host.DeliverSignedAsync(payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PAY-STRIPE-SESSION-AMOUNT", (await ProblemAsync(response)).GetProperty("rule").GetString());
        Assert.Empty((await host.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task TooLarge_IsRefusedWith413BeforeTheSignatureIsChecked()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var payload = "{\"padding\": \"" + new string('a', 300 * 1024) + "\"}";

        using var response = await host.DeliverSignedAsync(payload);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task UnknownInvoice_IsRefusedWith422AndChangesNothing()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();

        using var response = await host.DeliverSignedAsync(StripeEventJson.Completed("evt_1", "F2026-99999", 12000));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("PAY-RECORD-INVOICE-UNKNOWN", problem.GetProperty("rule").GetString());
        Assert.Equal("invoiceNumber", problem.GetProperty("field").GetString());
        Assert.Equal("UnknownInvoice", problem.GetProperty("reason").GetString());
        Assert.Contains("F2026-99999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await host.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task ForeignCurrency_IsRefusedWith422AndChangesNothing()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();

        using var response = await host.DeliverSignedAsync(StripeEventJson.Completed("evt_1", invoice.Number, 12000, currency: "usd"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("PAY-RECORD-CURRENCY", problem.GetProperty("rule").GetString());
        Assert.Equal("CurrencyMismatch", problem.GetProperty("reason").GetString());
        Assert.Empty((await host.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task AboveTheBalance_IsRefusedWith422AndChangesNothing()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);
        var invoice = await host.IssueAsync();
        using var first = await host.DeliverSignedAsync(StripeEventJson.Completed("evt_1", invoice.Number, 12000, paymentIntent: "pi_a"));

        using var second = await host.DeliverSignedAsync(StripeEventJson.Completed("evt_2", invoice.Number, 12000, paymentIntent: "pi_b"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("AboveBalance", (await ProblemAsync(second)).GetProperty("reason").GetString());
        Assert.Single((await host.AccountAsync(invoice.Number)).Payments);
    }

    [Fact]
    public async Task GetRequest_IsNotAnswered()
    {
        await using var host = await StripeTestHost.StartAtAsync(Now);

        using var response = await host.Client.GetAsync(host.WebhookUrl);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static async Task<string?> OutcomeAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("outcome").GetString();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
