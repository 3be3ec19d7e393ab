using Invoicing.Dunning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Invoicing.Payments;

/// <summary>Puts payment links in invoice and reminder mails.</summary>
public static class PaymentMailLinkServiceCollectionExtensions
{
    /// <summary>
    /// Adds an <see cref="IMailLinkSource"/> that gives each invoice and reminder mail a link of the registered
    /// <see cref="IPaymentLinkProvider"/> for the invoice's open balance. Options are validated at start.
    /// </summary>
    public static IServiceCollection AddPaymentLinksInMails(this IServiceCollection services, Action<PaymentMailLinkOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PaymentMailLinkOptions>()
            .Configure(configure)
            .Validate(o => IsWebAddress(o.SuccessUrl), "PaymentMailLinkOptions.SuccessUrl must be an absolute http or https address.")
            .Validate(o => IsWebAddress(o.CancelUrl), "PaymentMailLinkOptions.CancelUrl must be an absolute http or https address.")
            .Validate(o => o.LinkLifetime > Duration.Zero, "PaymentMailLinkOptions.LinkLifetime must be positive.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMailLinkSource, PaymentMailLinkSource>());
        return services;
    }

    private static bool IsWebAddress(Uri? url) => url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
