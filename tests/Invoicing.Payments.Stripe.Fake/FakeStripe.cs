using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invoicing.Payments.Stripe.Fake;

/// <summary>
/// A stand-in for Stripe on a loopback port: <c>POST /v1/checkout/sessions</c> answers like Stripe's API (the Checkout
/// Session object, its <c>url</c> pointing at the fake's own checkout page); <c>GET /checkout/{id}</c> is that page; its
/// Pay button sends <c>checkout.session.completed</c>, signed with the webhook secret exactly as Stripe signs
/// (<c>Stripe-Signature: t=..,v1=hex HMAC-SHA256 of "t.payload"</c>), to the webhook URL, then sends the browser to the
/// session's success URL.
/// </summary>
/// <example><code>
/// await using var stripe = await FakeStripe.StartAsync(new Uri(host, "/payments/stripe/webhook"), "whsec_test_secret");
/// services.AddStripePayments(o => { o.ApiBase = stripe.ApiBase; o.SecretKey = FakeStripe.SecretKey; o.WebhookSigningSecret = stripe.WebhookSecret; });
/// </code></example>
public sealed class FakeStripe : IAsyncDisposable
{
    /// <summary>A secret key the fake accepts (any <c>sk_test_</c> or <c>rk_test_</c> key is).</summary>
    public const string SecretKey = "sk_test_fake_4eC39HqLyjWDarjtT1zdp7dc";

    private readonly Lock _gate = new();
    private readonly List<FakeCheckoutSession> _sessions = [];
    private readonly List<FakeWebhookDelivery> _deliveries = [];
    private readonly Dictionary<string, string> _idempotentAnswers = new(StringComparer.Ordinal);
    private readonly Queue<FakeStripeError> _errors = new();
    private readonly List<string> _requests = [];
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly TimeProvider _time;
    private WebApplication? _app;

    private FakeStripe(Uri? webhookUrl, string webhookSecret, TimeProvider time)
    {
        WebhookUrl = webhookUrl;
        WebhookSecret = webhookSecret;
        _time = time;
    }

    /// <summary>The fake's address (<c>http://127.0.0.1:port/</c>): give it as Stripe's API base.</summary>
    public Uri ApiBase { get; private set; } = null!;

    /// <summary>Where events are POSTed; may be set after start, once the host's address is known.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The signing secret events are signed with.</summary>
    public string WebhookSecret { get; }

    /// <summary>Every session made, oldest first.</summary>
    public IReadOnlyList<FakeCheckoutSession> Sessions
    {
        get
        {
            lock (_gate)
            {
                return [.. _sessions];
            }
        }
    }

    /// <summary>Every event POSTed to the webhook, oldest first.</summary>
    public IReadOnlyList<FakeWebhookDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>The method and path of every API request received (<c>POST /v1/checkout/sessions</c>), oldest first.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts the fake on a free loopback port.</summary>
    /// <param name="webhookUrl">Where to POST events; null to set <see cref="WebhookUrl"/> later.</param>
    /// <param name="webhookSecret">The secret to sign them with (<c>whsec_...</c>).</param>
    /// <param name="time">The clock of the signatures' timestamps and the sessions' times; the system's by default.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static async Task<FakeStripe> StartAsync(Uri? webhookUrl, string webhookSecret, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhookSecret);
        var stripe = new FakeStripe(webhookUrl, webhookSecret, time ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/v1/checkout/sessions", (Func<HttpContext, Task<IResult>>)stripe.CreateSessionAsync);
        app.MapGet("/v1/checkout/sessions/{id}", stripe.GetSession);
        app.MapGet("/checkout/{id}", stripe.CheckoutPage);
        app.MapPost("/checkout/{id}/pay", stripe.PayAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        stripe._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stripe.ApiBase = new Uri(address.EndsWith('/') ? address : address + "/");
        return stripe;
    }

    /// <summary>Makes the next create request fail with <paramref name="error"/> (queued: several fail in turn).</summary>
    public void FailNextCreate(FakeStripeError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        lock (_gate)
        {
            _errors.Enqueue(error);
        }
    }

    /// <summary>
    /// Pays a session as the Pay button does, without a browser: <c>checkout.session.completed</c> (paid) is sent. With
    /// <paramref name="delayedPayment"/>, as for a bank debit: completed with <c>unpaid</c>, then
    /// <c>checkout.session.async_payment_succeeded</c>. Returns the deliveries made.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such session, or it is not open.</exception>
    public async Task<IReadOnlyList<FakeWebhookDelivery>> CompleteAsync(string sessionId, bool delayedPayment = false, CancellationToken cancellationToken = default)
    {
        FakeCheckoutSession session;
        lock (_gate)
        {
            session = _sessions.FirstOrDefault(s => s.Id == sessionId) ?? throw new InvalidOperationException($"There is no session {sessionId}.");
            if (session.Status != "open")
            {
                throw new InvalidOperationException($"The session {sessionId} is {session.Status}.");
            }

            session.Status = "complete";
            session.PaymentIntentId = NewId("pi_");
            session.PaymentStatus = delayedPayment ? "unpaid" : "paid";
        }

        var deliveries = new List<FakeWebhookDelivery> { await SendAsync(NewEvent("checkout.session.completed", session), cancellationToken).ConfigureAwait(false) };
        if (delayedPayment)
        {
            lock (_gate)
            {
                session.PaymentStatus = "paid";
            }

            deliveries.Add(await SendAsync(NewEvent("checkout.session.async_payment_succeeded", session), cancellationToken).ConfigureAwait(false));
        }

        return deliveries;
    }

    /// <summary>Sends an event again, as Stripe retries: the same id and payload, signed anew with the current time.</summary>
    public Task<FakeWebhookDelivery> RedeliverAsync(FakeWebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return SendAsync((delivery.EventId, delivery.Type, delivery.Payload), cancellationToken);
    }

    /// <summary>The <c>Stripe-Signature</c> header Stripe would send for <paramref name="payload"/> at <paramref name="timestamp"/> (unix seconds).</summary>
    public string Sign(string payload, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{payload}"));
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(signature)}";
    }

    /// <summary>Stops the fake.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _webhookClient.Dispose();
    }

    private async Task<IResult> CreateSessionAsync(HttpContext context)
    {
        Record(context);
        if (Unauthorized(context) is { } refused)
        {
            return refused;
        }

        FakeStripeError? error = null;
        lock (_gate)
        {
            _errors.TryDequeue(out error);
        }

        if (error is not null)
        {
            return StripeError(error.StatusCode, FakeStripeJson.Error(error.Type, error.Message, error.Code, error.Param));
        }

        var idempotencyKey = context.Request.Headers["Idempotency-Key"].ToString();
        lock (_gate)
        {
            if (idempotencyKey.Length > 0 && _idempotentAnswers.TryGetValue(idempotencyKey, out var earlier))
            {
                return Results.Text(earlier, "application/json", Encoding.UTF8);
            }
        }

        if (!context.Request.HasFormContentType)
        {
            return StripeError(400, FakeStripeJson.Error("invalid_request_error", "Requests must be form-encoded."));
        }

        var form = (await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false)).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        if (FakeSessionRequest.Problem(form, _time.GetUtcNow()) is { } problem)
        {
            return StripeError(400, FakeStripeJson.Error("invalid_request_error", problem.Message, "parameter_invalid", problem.Param));
        }

        var id = NewId("cs_test_");
        var session = new FakeCheckoutSession(id, new Uri(ApiBase, $"checkout/{id}"), form, _time.GetUtcNow());
        var json = FakeStripeJson.Session(session).ToJsonString();
        lock (_gate)
        {
            _sessions.Add(session);
            if (idempotencyKey.Length > 0)
            {
                _idempotentAnswers[idempotencyKey] = json;
            }
        }

        return Results.Text(json, "application/json", Encoding.UTF8);
    }

    private IResult GetSession(HttpContext context, string id)
    {
        Record(context);
        if (Unauthorized(context) is { } refused)
        {
            return refused;
        }

        return Find(id) is { } session
            ? Results.Text(FakeStripeJson.Session(session).ToJsonString(), "application/json", Encoding.UTF8)
            : StripeError(404, FakeStripeJson.Error("invalid_request_error", $"No such checkout.session: '{id}'", "resource_missing", "id"));
    }

    private IResult CheckoutPage(string id) =>
        Find(id) is { } session
            ? Results.Content(FakeCheckoutPage.Render(session), "text/html; charset=utf-8")
            : Results.NotFound();

    private async Task<IResult> PayAsync(string id, CancellationToken cancellationToken)
    {
        var session = Find(id);
        if (session is null)
        {
            return Results.NotFound();
        }

        if (session.Status != "open")
        {
            return Results.Content(FakeCheckoutPage.Render(session), "text/html; charset=utf-8", statusCode: 409);
        }

        await CompleteAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Results.Redirect(session.SuccessUrl.Replace("{CHECKOUT_SESSION_ID}", session.Id, StringComparison.Ordinal));
    }

    private (string Id, string Type, string Payload) NewEvent(string type, FakeCheckoutSession session)
    {
        string payload;
        lock (_gate)
        {
            payload = FakeStripeJson.Event(NewId("evt_test_"), type, _time.GetUtcNow().ToUnixTimeSeconds(), FakeStripeJson.Session(session)).ToJsonString();
        }

        var id = JsonNode.Parse(payload)!["id"]!.GetValue<string>();
        return (id, type, payload);
    }

    private async Task<FakeWebhookDelivery> SendAsync((string Id, string Type, string Payload) stripeEvent, CancellationToken cancellationToken)
    {
        var header = Sign(stripeEvent.Payload, _time.GetUtcNow().ToUnixTimeSeconds());
        FakeWebhookDelivery delivery;
        if (WebhookUrl is null)
        {
            delivery = new(stripeEvent.Id, stripeEvent.Type, stripeEvent.Payload, header, null, "No webhook URL is set.");
        }
        else
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl) { Content = new StringContent(stripeEvent.Payload, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("Stripe-Signature", header);
            request.Headers.UserAgent.ParseAdd("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
            try
            {
                using var response = await _webhookClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
                delivery = new(stripeEvent.Id, stripeEvent.Type, stripeEvent.Payload, header, (int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (HttpRequestException exception)
            {
                delivery = new(stripeEvent.Id, stripeEvent.Type, stripeEvent.Payload, header, null, exception.Message);
            }
        }

        lock (_gate)
        {
            _deliveries.Add(delivery);
        }

        return delivery;
    }

    private static IResult? Unauthorized(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var key = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : "";
        return key.StartsWith("sk_test_", StringComparison.Ordinal) || key.StartsWith("rk_test_", StringComparison.Ordinal)
            ? null
            : StripeError(401, FakeStripeJson.Error("invalid_request_error", $"Invalid API Key provided: {(key.Length > 8 ? key[..8] + "***" : "***")}"));
    }

    private static IResult StripeError(int status, JsonObject error) =>
        Results.Text(error.ToJsonString(), "application/json", Encoding.UTF8, status);

    private void Record(HttpContext context)
    {
        lock (_gate)
        {
            _requests.Add($"{context.Request.Method} {context.Request.Path}");
        }
    }

    private FakeCheckoutSession? Find(string id)
    {
        lock (_gate)
        {
            return _sessions.FirstOrDefault(s => s.Id == id);
        }
    }

    private static string NewId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
