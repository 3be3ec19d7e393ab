using System.Text.RegularExpressions;
using Invoicing.Core;
using Invoicing.France.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NodaTime;
using Polly;

namespace Invoicing.France;

/// <summary>Registers the French approved platform (PA) clients.</summary>
public static partial class FrenchPlatformServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IFlowServiceClient"/> and <see cref="IDirectoryServiceClient"/> for one approved platform: named
    /// <see cref="HttpClient"/>s whose calls carry an OAuth 2 client-credentials token (kept, renewed before it expires
    /// and once on a 401) and retry passing failures (5xx, 408, 429, timeouts) with backoff, waiting as long as a
    /// <c>Retry-After</c> says. Options are validated when the host starts. The host's <see cref="IClock"/> is used
    /// when registered (for example by <c>AddInvoicing</c>), else the system's. <see cref="IFrenchPlatformSender"/> is
    /// added too; it uses the host's <see cref="Core.IInvoiceStore"/> and <see cref="Core.IOutgoingFlowStore"/>. So is the
    /// lifecycle side: <see cref="StatusApplier"/>, <see cref="PlatformStatusReceiver"/>, <see cref="SupplierInvoiceReceiver"/>
    /// (over the host's event, dunning settings and received-documents stores) and <see cref="CashedStatusHandler"/> as
    /// an <see cref="IInvoiceEventHandler"/>, so one call wires the whole connector.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the platform's URLs and credentials.</param>
    public static IServiceCollection AddFrenchPlatform(this IServiceCollection services, Action<FrenchPlatformOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<FrenchPlatformOptions>()
            .Configure(configure)
            .Validate(o => o.PlatformName is { } name && PlatformNamePattern().IsMatch(name), "French platform: PlatformName must be 1 to 100 letters, digits, '-', '_' or '.'.")
            .Validate(o => IsHttpUrl(o.FlowServiceUrl), "French platform: FlowServiceUrl must be an absolute http or https URL.")
            .Validate(o => IsHttpUrl(o.DirectoryServiceUrl), "French platform: DirectoryServiceUrl must be an absolute http or https URL.")
            .Validate(o => IsHttpUrl(o.TokenUrl), "French platform: TokenUrl must be an absolute http or https URL.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ClientId) && !string.IsNullOrWhiteSpace(o.ClientSecret), "French platform: ClientId and ClientSecret are required (the platform gives them).")
            .Validate(o => o.InvoiceSyntax is FlowSyntax.FacturX or FlowSyntax.Cii or FlowSyntax.Ubl, "French platform: InvoiceSyntax must be Factur-X, CII or UBL.")
            .Validate(o => o.MaxRetries is >= 0 and <= 10, "French platform: MaxRetries must be 0 to 10.")
            .Validate(o => o.RetryDelay > TimeSpan.Zero && o.AttemptTimeout > TimeSpan.Zero && o.SendClaimTimeout > TimeSpan.Zero, "French platform: RetryDelay, AttemptTimeout and SendClaimTimeout must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton<IClock>(provider => InvoicingClocks.FromTimeProvider(provider.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton<PlatformTokenSource>();
        services.TryAddTransient<PlatformAuthenticationHandler>();

        services.AddHttpClient(PlatformTokenSource.ClientName).AddResilienceHandler("french-platform-token", AddRetries);
        AddServiceClient(services, FlowServiceClient.ClientName, o => o.FlowServiceUrl!);
        AddServiceClient(services, DirectoryServiceClient.ClientName, o => o.DirectoryServiceUrl!);
        services.TryAddSingleton<IFlowServiceClient, FlowServiceClient>();
        services.TryAddSingleton<IDirectoryServiceClient, DirectoryServiceClient>();

        // The sender needs the host's invoice store and outgoing flow store (AddInvoicing().UseSqlite(...) and the like).
        services.TryAddSingleton<IFrenchPlatformSender, FrenchPlatformSender>();

        // The lifecycle half over the host's stores: statuses about its invoices applied (invoice, event and dunning
        // settings stores), supplier invoices kept in its received-documents store, and the 212 "cashed" status sent
        // on payment, delivered by the event dispatcher when the host adds one (AddInvoiceEvents); inert without it.
        services.TryAddSingleton<StatusApplier>();
        services.TryAddSingleton<PlatformStatusReceiver>();
        services.TryAddSingleton<SupplierInvoiceReceiver>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInvoiceEventHandler, CashedStatusHandler>());
        return services;
    }

    private static void AddServiceClient(IServiceCollection services, string name, Func<FrenchPlatformOptions, Uri> baseUrl)
    {
        var client = services.AddHttpClient(name, (provider, client) =>
            {
                var url = baseUrl(provider.GetRequiredService<IOptionsMonitor<FrenchPlatformOptions>>().CurrentValue).AbsoluteUri;
                client.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");

                // The resilience pipeline times each attempt; this only stops a call that would never end.
                client.Timeout = Timeout.InfiniteTimeSpan;
            });

        // The retries wrap the token: each attempt, and the one retry after a 401, carries a valid token.
        client.AddResilienceHandler("french-platform", AddRetries);
        client.AddHttpMessageHandler<PlatformAuthenticationHandler>();
    }

    private static void AddRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var o = context.ServiceProvider.GetRequiredService<IOptionsMonitor<FrenchPlatformOptions>>().CurrentValue;
        if (o.MaxRetries > 0)
        {
            // The default predicate retries 5xx, 408, 429, connection failures and attempt timeouts, and waits as
            // long as a Retry-After says; other 4xx are the platform's answer.
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = o.MaxRetries,
                Delay = o.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        pipeline.AddTimeout(o.AttemptTimeout);
    }

    private static bool IsHttpUrl(Uri? url) => url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlatformNamePattern();
}
