using System.Text.RegularExpressions;
using Invoicing.Core;
using Invoicing.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using Polly;

namespace Invoicing.Webhooks;

/// <summary>Registers webhook endpoints on the invoicing builder.</summary>
public static partial class WebhooksInvoicingBuilderExtensions
{
    /// <summary>
    /// Sends every invoice event (or the <see cref="WebhookEndpointOptions.Kinds"/> chosen) to an endpoint, signed with
    /// HMAC-SHA256, through a named <see cref="HttpClient"/> whose resilience pipeline retries transient failures. The
    /// endpoint is an event handler named <c>webhook:&lt;name&gt;</c> with its own cursor; event delivery
    /// (<c>AddInvoiceEvents</c>) is added too. Options are validated at start.
    /// </summary>
    /// <param name="builder">The invoicing builder.</param>
    /// <param name="name">The endpoint's stable name (1 to 100 letters, digits, '-', '_' or '.'): renaming it sends every event again.</param>
    /// <param name="configure">Sets the URL, the secret and the retries.</param>
    /// <exception cref="ArgumentException">The name is not valid or already used by another endpoint.</exception>
    public static IInvoicingBuilder AddWebhook(this IInvoicingBuilder builder, string name, Action<WebhookEndpointOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        if (name is null || !EndpointName().IsMatch(name))
        {
            throw new ArgumentException($"The webhook name '{name}' must be 1 to 100 letters, digits, '-', '_' or '.'.", nameof(name));
        }

        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(EndpointRegistration) && ((EndpointRegistration)d.ImplementationInstance!).Name == name))
        {
            throw new ArgumentException($"A webhook named '{name}' is already registered.", nameof(name));
        }

        services.AddSingleton(new EndpointRegistration(name));
        builder.AddInvoiceEvents();
        services.AddOptions<WebhookEndpointOptions>(name)
            .Configure(configure)
            .Validate(o => o.Url is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp), $"Webhook '{name}': Url must be an absolute http or https URL.")
            .Validate(o => o.Secret is { Length: >= WebhookEndpointOptions.MinSecretLength } && !string.IsNullOrWhiteSpace(o.Secret), $"Webhook '{name}': Secret must be at least {WebhookEndpointOptions.MinSecretLength} characters.")
            .Validate(o => o.MaxRetries is >= 0 and <= 10, $"Webhook '{name}': MaxRetries must be 0 to 10.")
            .Validate(o => o.RetryDelay > TimeSpan.Zero && o.AttemptTimeout > TimeSpan.Zero, $"Webhook '{name}': RetryDelay and AttemptTimeout must be positive.")
            .ValidateOnStart();

        services.AddHttpClient(WebhookEventHandler.ClientName(name))
            .AddResilienceHandler("webhook-retry", (pipeline, context) =>
            {
                var endpoint = context.ServiceProvider.GetRequiredService<IOptionsMonitor<WebhookEndpointOptions>>().Get(name);
                if (endpoint.MaxRetries > 0)
                {
                    // The default predicate retries 5xx, 408, 429, connection failures and attempt timeouts; other 4xx are final.
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = endpoint.MaxRetries,
                        Delay = endpoint.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    });
                }

                pipeline.AddTimeout(endpoint.AttemptTimeout);
            });

        services.AddSingleton<IInvoiceEventHandler>(provider => new WebhookEventHandler(
            name,
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<IOptionsMonitor<WebhookEndpointOptions>>(),
            provider.GetRequiredService<IClock>(),
            provider.GetService<ILoggerFactory>()?.CreateLogger<WebhookEventHandler>() ?? (ILogger)NullLogger.Instance));
        return builder;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex EndpointName();

    /// <summary>Marks a name as taken, so two endpoints never share a cursor.</summary>
    private sealed record EndpointRegistration(string Name);
}
