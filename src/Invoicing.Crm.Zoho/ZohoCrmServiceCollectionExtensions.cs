using System.Text.RegularExpressions;
using Invoicing.Crm.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invoicing.Crm.Zoho;

/// <summary>Registers Zoho CRM as a CRM source.</summary>
public static partial class ZohoCrmServiceCollectionExtensions
{
    /// <summary>
    /// Adds Zoho CRM as an <see cref="ICrmSource"/> named <c>zoho</c>: a typed <see cref="HttpClient"/> with retries
    /// honouring <c>Retry-After</c>, timeouts and a circuit breaker, and the OAuth token (<c>Zoho-oauthtoken</c>)
    /// refreshed once on a 401. Options are validated at start.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Sets the data centre, the credentials, the won stages and the field mapping.</param>
    public static IServiceCollection AddZohoCrm(this IServiceCollection services, Action<ZohoCrmOptions> configure)
    {
        services.AddCrmConnectorHttp<ZohoCrmSource, ZohoCrmOptions>(ZohoCrmSource.SourceName, configure, Checks, scheme: "Zoho-oauthtoken", apiBaseUrlField: "api_domain");
        services.TryAddEnumerable(ServiceDescriptor.Transient<ICrmSource, ZohoCrmSource>(provider => provider.GetRequiredService<ZohoCrmSource>()));
        return services;
    }

    private static IEnumerable<string> Checks(ZohoCrmOptions options)
    {
        if (!CrmConnectorOptionsValidator<ZohoCrmOptions>.IsHttpUrl(options.ApiDomain))
        {
            yield return "ApiDomain must be an absolute https URL such as https://www.zohoapis.eu.";
        }

        if (options.WonStages.Count == 0 || options.WonStages.Any(string.IsNullOrWhiteSpace))
        {
            yield return "WonStages must name at least one deal stage, none blank.";
        }

        if (options.PageSize > 200)
        {
            yield return "PageSize must be at most 200, the records API's limit.";
        }

        var fields = options.Fields;
        foreach (var (name, value) in new[] { ("QuantityField", options.QuantityField), ("Fields.Siren", fields.Siren), ("Fields.Siret", fields.Siret), ("Fields.VatId", fields.VatId), ("Fields.Language", fields.Language), ("Fields.VatCategory", fields.VatCategory), ("Fields.VatRate", fields.VatRate), ("Fields.PaymentDays", fields.PaymentDays) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !FieldName().IsMatch(value.Trim()))
            {
                yield return $"{name} must be a field's API name (letters, digits and underscores, such as VAT_Number).";
            }
        }

        if (string.IsNullOrWhiteSpace(options.QuantityField))
        {
            yield return "QuantityField must name the product field holding the quantity.";
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();
}
