using Invoicing.Dunning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invoicing.Portal;

/// <summary>Puts the portal's magic link in invoice and reminder mails.</summary>
public static class PortalMailLinkServiceCollectionExtensions
{
    /// <summary>
    /// Adds an <see cref="IMailLinkSource"/> that gives each invoice and reminder mail a magic link to the portal for the
    /// invoice's customer (<see cref="IPortalLinks.CreateLink"/>, <see cref="PortalOptions.LinkLifetime"/>). Call
    /// <see cref="PortalServiceCollectionExtensions.AddInvoicingPortal"/> as well.
    /// </summary>
    public static IServiceCollection AddPortalLinksInMails(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMailLinkSource, PortalMailLinkSource>());
        return services;
    }
}
