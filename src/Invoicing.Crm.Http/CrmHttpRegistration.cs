using Invoicing.Crm.Http.OAuth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Invoicing.Crm.Http;

/// <summary>
/// Registers one connector's HTTP side: its options validated at start, a token provider (one per connector, so the
/// token is cached and refreshed once for all requests), a client for the token endpoint, and the typed API client
/// with the bearer handler outside the standard resilience pipeline (rate limiter, total timeout, retry honouring
/// <c>Retry-After</c>, circuit breaker, attempt timeout).
/// </summary>
internal static class CrmHttpRegistration
{
    public static IHttpClientBuilder AddCrmConnectorHttp<TClient, TOptions>(
        this IServiceCollection services,
        string source,
        Action<TOptions> configure,
        Func<TOptions, IEnumerable<string>> connectorChecks,
        string scheme = "Bearer",
        string? apiBaseUrlField = null)
        where TClient : class
        where TOptions : CrmConnectorOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new CrmConnectorOptionsValidator<TOptions>(source, connectorChecks)));
        services.TryAddSingleton(TimeProvider.System);

        var tokenClient = $"Invoicing.Crm.{source}.Token";
        services.AddHttpClient(tokenClient).AddStandardResilienceHandler().Configure((resilience, provider) =>
            Apply(resilience, provider.GetRequiredService<IOptions<TOptions>>().Value));

        services.TryAddKeyedSingleton(source, (provider, _) => new OAuthTokenProvider(
            Settings<TOptions>(provider, source, scheme, apiBaseUrlField),
            provider.GetRequiredService<IHttpClientFactory>(),
            tokenClient,
            provider.GetRequiredService<TimeProvider>()));

        var client = services.AddHttpClient<TClient>($"Invoicing.Crm.{source}")
            .AddHttpMessageHandler(provider => new OAuthBearerHandler(
                provider.GetRequiredKeyedService<OAuthTokenProvider>(source),
                Settings<TOptions>(provider, source, scheme, apiBaseUrlField)));
        client.AddStandardResilienceHandler().Configure((resilience, provider) =>
            Apply(resilience, provider.GetRequiredService<IOptions<TOptions>>().Value));
        return client;
    }

    private static OAuthSettings Settings<TOptions>(IServiceProvider provider, string source, string scheme, string? apiBaseUrlField)
        where TOptions : CrmConnectorOptions
        => new(source, provider.GetRequiredService<IOptions<TOptions>>().Value, scheme, apiBaseUrlField);

    /// <summary>The connector's retry and timeout settings on the standard pipeline, whose own validation they satisfy.</summary>
    private static void Apply(HttpStandardResilienceOptions resilience, CrmConnectorOptions options)
    {
        resilience.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetries);
        if (options.MaxRetries == 0)
        {
            resilience.Retry.ShouldHandle = _ => PredicateResult.False();
        }

        resilience.Retry.Delay = options.RetryDelay;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.ShouldRetryAfterHeader = true;
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;

        // The breaker judges a window at least twice an attempt long (the pipeline's rule), and 30 s at the least.
        var window = options.AttemptTimeout * 2;
        resilience.CircuitBreaker.SamplingDuration = window > TimeSpan.FromSeconds(30) ? window : TimeSpan.FromSeconds(30);
    }
}
