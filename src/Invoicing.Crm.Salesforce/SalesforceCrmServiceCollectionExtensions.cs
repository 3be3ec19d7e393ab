using System.Text.RegularExpressions;
using Invoicing.Crm.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invoicing.Crm.Salesforce;

/// <summary>Registers Salesforce as a CRM source.</summary>
public static partial class SalesforceCrmServiceCollectionExtensions
{
    /// <summary>
    /// Adds Salesforce as an <see cref="ICrmSource"/> named <c>salesforce</c>: a typed <see cref="HttpClient"/> with
    /// retries honouring <c>Retry-After</c>, timeouts and a circuit breaker, and the OAuth token refreshed once on a
    /// 401. Options are validated at start.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Sets the instance, the credentials and the field mapping.</param>
    public static IServiceCollection AddSalesforceCrm(this IServiceCollection services, Action<SalesforceCrmOptions> configure)
    {
        services.AddCrmConnectorHttp<SalesforceCrmSource, SalesforceCrmOptions>(SalesforceCrmSource.SourceName, configure, Checks, apiBaseUrlField: "instance_url");
        services.TryAddEnumerable(ServiceDescriptor.Transient<ICrmSource, SalesforceCrmSource>(provider => provider.GetRequiredService<SalesforceCrmSource>()));
        return services;
    }

    private static IEnumerable<string> Checks(SalesforceCrmOptions options)
    {
        if (!CrmConnectorOptionsValidator<SalesforceCrmOptions>.IsHttpUrl(options.InstanceUrl))
        {
            yield return "InstanceUrl must be the org's absolute https URL.";
        }

        if (options.ApiVersion is null || !ApiVersion().IsMatch(options.ApiVersion))
        {
            yield return "ApiVersion must look like v60.0.";
        }

        if (options.PageSize is < 200 or > 2000)
        {
            yield return "PageSize must be 200 to 2000, the query API's batch sizes.";
        }

        var fields = options.Fields;
        foreach (var (name, value) in new[] { ("Siren", fields.Siren), ("Siret", fields.Siret), ("VatId", fields.VatId), ("Language", fields.Language), ("VatCategory", fields.VatCategory), ("VatRate", fields.VatRate), ("PaymentDays", fields.PaymentDays) })
        {
            // The names go into SOQL: only a field's API name is accepted, never a fragment of a query.
            if (!string.IsNullOrWhiteSpace(value) && !FieldName().IsMatch(value.Trim()))
            {
                yield return $"Fields.{name} must be a field's API name (letters, digits and underscores, such as SIREN__c).";
            }
        }
    }

    [GeneratedRegex("^v[0-9]{2,3}\\.0$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersion();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,79}$", RegexOptions.CultureInvariant)]
    internal static partial Regex FieldName();
}
