using Invoicing.Core;
using Invoicing.Dunning;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Payments;

/// <summary>
/// The payment link of a mail: a page of the registered provider asking for the invoice's open balance, made when the
/// mail is rendered so the amount is what remains after partial payments. An invoice with nothing to pay (paid,
/// credited, written off, a credit note) gets no link; a provider failure is left to the mail's link resolver, which
/// sends the mail without it.
/// </summary>
internal sealed class PaymentMailLinkSource(IPaymentLinkProvider provider, IClock clock, IOptions<PaymentMailLinkOptions> options) : IMailLinkSource
{
    public async Task<MailLinks> GetLinksAsync(InvoiceAccount account, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var settings = options.Value;
        PaymentLinkRequest request;
        try
        {
            request = PaymentLinkRequest.ForOpenBalance(account, clock.GetCurrentInstant() + settings.LinkLifetime, settings.SuccessUrl!, settings.CancelUrl!);
        }
        catch (InvoiceValidationException)
        {
            return MailLinks.None;
        }

        var link = await provider.CreateLinkAsync(request, cancellationToken).ConfigureAwait(false);
        return new MailLinks(null, link.Url.AbsoluteUri);
    }
}
