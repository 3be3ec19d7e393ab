using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Payments.Stripe;

/// <summary>Registers Stripe as the payment provider.</summary>
public static class StripePaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Adds Stripe Checkout as the <see cref="IPaymentLinkProvider"/>, the webhook handler mapped by
    /// <see cref="StripeWebhookEndpointRouteBuilderExtensions.MapStripeWebhook"/>, and the payment recorder
    /// (<see cref="PaymentsServiceCollectionExtensions.AddInvoicingPayments"/>). Requests go through the named
    /// <see cref="HttpClient"/> <see cref="StripePaymentOptions.HttpClientName"/> (its timeout is
    /// <see cref="StripePaymentOptions.RequestTimeout"/>; add handlers to it for a proxy or logging). Options are validated
    /// at start. Call <c>AddInvoicing()</c> with a store as well.
    /// </summary>
    public static IServiceCollection AddStripePayments(this IServiceCollection services, Action<StripePaymentOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<StripePaymentOptions>()
            .Configure(configure)
            .Validate(o => IsSecret(o.SecretKey, "sk_", "rk_"), "StripePaymentOptions.SecretKey must be a Stripe secret key (sk_...) or restricted key (rk_...).")
            .Validate(o => IsSecret(o.WebhookSigningSecret, "whsec_"), "StripePaymentOptions.WebhookSigningSecret must be the endpoint's signing secret (whsec_...).")
            .Validate(o => o.SignatureTolerance >= TimeSpan.FromSeconds(1) && o.SignatureTolerance <= TimeSpan.FromHours(1), "StripePaymentOptions.SignatureTolerance must be 1 second to 1 hour.")
            .Validate(o => o.ApiBase is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && string.IsNullOrEmpty(url.Query), "StripePaymentOptions.ApiBase must be an absolute http or https address without a query.")
            .Validate(o => o.MaxNetworkRetries is >= 0 and <= 10, "StripePaymentOptions.MaxNetworkRetries must be 0 to 10.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero && o.RequestTimeout <= TimeSpan.FromMinutes(5), "StripePaymentOptions.RequestTimeout must be positive and at most 5 minutes.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.LineItemLabel) && o.LineItemLabel.Length <= 100, "StripePaymentOptions.LineItemLabel must be 1 to 100 characters.")
            .Validate(o => o.MaxWebhookBodyBytes is >= 1024 and <= 16 * 1024 * 1024, "StripePaymentOptions.MaxWebhookBodyBytes must be 1 KiB to 16 MiB.")
            .ValidateOnStart();

        services.AddHttpClient(StripePaymentOptions.HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<StripePaymentOptions>>().Value.RequestTimeout);
        services.TryAddTransient<IPaymentLinkProvider>(provider => new StripePaymentLinkProvider(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(StripePaymentOptions.HttpClientName),
            provider.GetRequiredService<IOptions<StripePaymentOptions>>(),
            provider.GetRequiredService<IClock>()));
        services.TryAddSingleton(provider => new StripeWebhookHandler(
            provider.GetRequiredService<IPaymentRecorder>(),
            provider.GetRequiredService<IOptions<StripePaymentOptions>>(),
            provider.GetRequiredService<IClock>(),
            provider.GetService<ILoggerFactory>()?.CreateLogger<StripeWebhookHandler>() ?? NullLogger<StripeWebhookHandler>.Instance));
        services.AddInvoicingPayments();
        return services;
    }

    private static bool IsSecret(string? value, params string[] prefixes) =>
        value is { Length: > 10 } && !value.Any(char.IsWhiteSpace) && prefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal));
}
