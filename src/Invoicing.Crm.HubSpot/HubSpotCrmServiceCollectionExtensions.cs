using Invoicing.Crm.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invoicing.Crm.HubSpot;

/// <summary>Registers HubSpot as a CRM source.</summary>
public static class HubSpotCrmServiceCollectionExtensions
{
    /// <summary>
    /// Adds HubSpot as an <see cref="ICrmSource"/> named <c>hubspot</c>: a typed <see cref="HttpClient"/> with retries
    /// honouring <c>Retry-After</c>, timeouts and a circuit breaker, and the OAuth token refreshed once on a 401.
    /// Options are validated at start.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Sets the credentials, the won stages and the field mapping.</param>
    public static IServiceCollection AddHubSpotCrm(this IServiceCollection services, Action<HubSpotCrmOptions> configure)
    {
        services.AddCrmConnectorHttp<HubSpotCrmSource, HubSpotCrmOptions>(HubSpotCrmSource.SourceName, configure, Checks);
        services.TryAddEnumerable(ServiceDescriptor.Transient<ICrmSource, HubSpotCrmSource>(provider => provider.GetRequiredService<HubSpotCrmSource>()));
        return services;
    }

    private static IEnumerable<string> Checks(HubSpotCrmOptions options)
    {
        if (!CrmConnectorOptionsValidator<HubSpotCrmOptions>.IsHttpUrl(options.BaseUrl))
        {
            yield return "BaseUrl must be an absolute http or https URL.";
        }

        if (options.WonStages.Count == 0 || options.WonStages.Any(string.IsNullOrWhiteSpace))
        {
            yield return "WonStages must name at least one deal stage, none blank.";
        }

        if (options.PageSize > 200)
        {
            yield return "PageSize must be at most 200, the search API's limit.";
        }
    }
}
