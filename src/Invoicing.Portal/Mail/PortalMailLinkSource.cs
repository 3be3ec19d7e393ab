using Invoicing.Core;
using Invoicing.Dunning;

namespace Invoicing.Portal;

/// <summary>
/// The portal link of invoice and reminder mails: a fresh magic link for the invoice's customer, with the portal's
/// default lifetime. A customer key the portal cannot put in a link (<c>PORTAL-CUSTOMER</c>) gets no link rather than
/// costing the mail.
/// </summary>
internal sealed class PortalMailLinkSource(IPortalLinks links) : IMailLinkSource
{
    public Task<MailLinks> GetLinksAsync(InvoiceAccount account, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        try
        {
            return Task.FromResult(new MailLinks(links.CreateLink(account.Invoice.Document.CustomerKey).AbsoluteUri, null));
        }
        catch (InvoiceValidationException)
        {
            return Task.FromResult(MailLinks.None);
        }
    }
}
