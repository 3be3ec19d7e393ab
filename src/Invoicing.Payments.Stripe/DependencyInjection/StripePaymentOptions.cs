namespace Invoicing.Payments.Stripe;

/// <summary>How the host talks to Stripe and checks its webhooks; validated when the host starts.</summary>
public sealed class StripePaymentOptions
{
    /// <summary>The name of the <see cref="HttpClient"/> used for Stripe's API: configure its handlers (proxy, resilience) with <c>services.AddHttpClient(HttpClientName)</c>.</summary>
    public const string HttpClientName = "Invoicing.Payments.Stripe";

    /// <summary>The provider name payments are recorded under (<see cref="PaymentReceived.Provider"/>); part of every payment's id, so never changed.</summary>
    public const string ProviderName = "stripe";

    /// <summary>The secret API key (<c>sk_live_...</c>, <c>sk_test_...</c>) or a restricted key (<c>rk_...</c>) allowed to write Checkout Sessions. Required.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The signing secret of the webhook endpoint (<c>whsec_...</c>), shown in the Stripe dashboard or by <c>stripe listen</c>. Required.</summary>
    public string? WebhookSigningSecret { get; set; }

    /// <summary>
    /// How far the timestamp of a webhook's signature may be from now before the event is refused as replayed.
    /// Default: 300 seconds, as Stripe's libraries use; 1 second to 1 hour.
    /// </summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Stripe's API address. Default: <c>https://api.stripe.com</c>; a test points it at a fake.</summary>
    public Uri ApiBase { get; set; } = new("https://api.stripe.com");

    /// <summary>How many times Stripe.net retries a request that failed on the network or with 409, 429 or 5xx (with an idempotency key, so a retry never creates a second session). Default: 2; 0 to 10.</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>The limit of one request to Stripe. Default: 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The name of the one line of the Checkout page, followed by the invoice number. Default: <c>Invoice</c> (a French host sets <c>Facture</c>).</summary>
    public string LineItemLabel { get; set; } = "Invoice";

    /// <summary>The largest webhook body accepted; Stripe's events are far smaller. Default: 256 KiB.</summary>
    public int MaxWebhookBodyBytes { get; set; } = 256 * 1024;
}
