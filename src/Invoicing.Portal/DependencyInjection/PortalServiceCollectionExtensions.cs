using Invoicing.Core;
using Invoicing.Portal.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Portal;

/// <summary>Registers the customer portal's services; <see cref="PortalEndpointRouteBuilderExtensions.MapInvoicingPortal"/> maps its pages.</summary>
public static class PortalServiceCollectionExtensions
{
    /// <summary>
    /// Adds the portal: <see cref="IPortalLinks"/>, its key ring (<see cref="PortalOptions.KeysDirectory"/>, else the
    /// host's Data Protection), anti-forgery and the redemption limiter. The portal reads the host's
    /// <see cref="IInvoiceStore"/>, and uses its <see cref="IDunningSettingsStore"/> (disputes, language, time zone),
    /// <see cref="IInvoiceEventStore"/> (viewed events) and <c>IPaymentLinkProvider</c> (the Pay button) when registered.
    /// Options are validated when the host starts.
    /// </summary>
    public static IServiceCollection AddInvoicingPortal(this IServiceCollection services, Action<PortalOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PortalOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PortalOptions>, PortalOptionsValidation>());
        services.AddAntiforgery();
        services.AddDataProtection();
        services.TryAddSingleton<IClock>(provider => InvoicingClocks.FromTimeProvider(provider.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<PortalOptions>>().Value;
            var keys = string.IsNullOrWhiteSpace(options.KeysDirectory)
                ? provider.GetRequiredService<IDataProtectionProvider>()
                : PortalKeyRing.FromDirectory(options.KeysDirectory, options.ApplicationName);
            return new PortalTokens(keys, provider.GetRequiredService<IClock>());
        });
        services.TryAddSingleton<IPortalLinks>(provider => new MagicLinks(provider.GetRequiredService<PortalTokens>(), provider.GetRequiredService<IOptions<PortalOptions>>().Value));
        services.TryAddSingleton(provider => new RedeemLimiter(provider.GetRequiredService<IOptions<PortalOptions>>().Value));
        services.TryAddSingleton<PortalMarker>();
        return services;
    }

    /// <summary>Tells <see cref="PortalEndpointRouteBuilderExtensions.MapInvoicingPortal"/> that the services were added.</summary>
    internal sealed class PortalMarker;

    private sealed class PortalOptionsValidation : IValidateOptions<PortalOptions>
    {
        public ValidateOptionsResult Validate(string? name, PortalOptions options) =>
            PortalOptionsRules.FirstProblem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
