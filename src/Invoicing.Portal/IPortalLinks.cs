using NodaTime;

namespace Invoicing.Portal;

/// <summary>Mints magic links: signed, expiring addresses that open the portal for one customer.</summary>
public interface IPortalLinks
{
    /// <summary>
    /// A link to the portal for <paramref name="customerKey"/> (<see cref="Core.Invoice.CustomerKey"/>), valid for
    /// <paramref name="lifetime"/> (<see cref="PortalOptions.LinkLifetime"/> when null). Anyone holding the link sees that
    /// customer's invoices until it expires: send it only to the customer.
    /// </summary>
    /// <exception cref="Core.InvoiceValidationException">PORTAL-CUSTOMER (blank, longer than 200 characters or with a control character), PORTAL-LIFETIME (not positive or above <see cref="PortalOptions.MaxLinkLifetime"/>).</exception>
    Uri CreateLink(string customerKey, Duration? lifetime = null);
}
