using Invoicing.Crm;
using Invoicing.Crm.Http;
using Invoicing.Crm.HubSpot;
using Invoicing.Crm.Salesforce;
using Invoicing.Crm.Zoho;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invoicing.Cli.Commands.Crm;

/// <summary>
/// The HubSpot, Salesforce and Zoho sources of <c>invoicing crm sync</c>: each registered as a host would
/// (<c>AddHubSpotCrm</c>, ...) from the command line's connection options, so the tool gets the same retries, token
/// refresh and option checks. <c>--base-url</c> is the API host (Salesforce's instance URL, required there); a CRM's
/// documented host and token endpoint are the defaults elsewhere.
/// </summary>
internal static class ConnectorSources
{
    public static ICrmSource HubSpot(CrmSourceArguments arguments) => Build(arguments, (services, apply) => services.AddHubSpotCrm(o =>
    {
        apply(o);
        CopyFields(arguments.Fields, o.Fields);
        if (Url(arguments, arguments.BaseUrl, "--base-url") is { } url)
        {
            o.BaseUrl = url;
        }
    }));

    public static ICrmSource Salesforce(CrmSourceArguments arguments) => Build(arguments, (services, apply) => services.AddSalesforceCrm(o =>
    {
        apply(o);
        CopyFields(arguments.Fields, o.Fields);
        o.InstanceUrl = Url(arguments, arguments.BaseUrl, "--base-url");
    }));

    public static ICrmSource Zoho(CrmSourceArguments arguments) => Build(arguments, (services, apply) => services.AddZohoCrm(o =>
    {
        apply(o);
        CopyFields(arguments.Fields, o.Fields);
        if (Url(arguments, arguments.BaseUrl, "--base-url") is { } url)
        {
            o.ApiDomain = url;
        }
    }));

    private static ICrmSource Build(CrmSourceArguments arguments, Action<IServiceCollection, Action<CrmConnectorOptions>> register)
    {
        var services = new ServiceCollection();
        register(services, options =>
        {
            options.AccessToken = arguments.Token;
            options.RefreshToken = arguments.RefreshToken;
            options.ClientId = arguments.ClientId;
            options.ClientSecret = arguments.ClientSecret;
            if (Url(arguments, arguments.TokenUrl, "--token-url") is { } tokenUrl)
            {
                options.TokenEndpoint = tokenUrl;
            }
        });

        // The provider lives as long as the tool's process, which ends with the sync: it owns the source's HTTP handlers.
        var provider = services.BuildServiceProvider();
        try
        {
            return provider.GetServices<ICrmSource>().Single();
        }
        catch (OptionsValidationException exception)
        {
            throw new CrmException(CrmErrorReason.Configuration, arguments.Source, null, null, string.Join(" ", exception.Failures));
        }
    }

    private static Uri? Url(CrmSourceArguments arguments, string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new CrmException(CrmErrorReason.Configuration, arguments.Source, null, option, $"{arguments.Source}: {option} must be an absolute http or https URL.");
    }

    private static void CopyFields(CrmFieldMapping from, CrmFieldMapping to)
    {
        to.Siren = from.Siren;
        to.Siret = from.Siret;
        to.VatId = from.VatId;
        to.Language = from.Language;
        to.VatCategory = from.VatCategory;
        to.VatRate = from.VatRate;
        to.PaymentDays = from.PaymentDays;
    }
}
