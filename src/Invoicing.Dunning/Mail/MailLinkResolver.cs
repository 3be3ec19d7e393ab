using Invoicing.Core;
using Microsoft.Extensions.Logging;

namespace Invoicing.Dunning;

/// <summary>
/// Asks the registered link sources in order and keeps, for each link, the first one given; the render options'
/// format strings fill the rest. A source that fails costs its links, not the mail: the customer still gets the
/// reminder or invoice, and the failure is logged.
/// </summary>
internal sealed partial class MailLinkResolver(IEnumerable<IMailLinkSource> sources, ReminderRenderOptions options, ILogger logger)
{
    private readonly IMailLinkSource[] _sources = [.. sources];

    public async Task<MailLinks> ResolveAsync(InvoiceAccount account, string language, CancellationToken cancellationToken)
    {
        string? portal = null;
        string? payment = null;
        foreach (var source in _sources)
        {
            if (portal is not null && payment is not null)
            {
                break;
            }

            try
            {
                var links = await source.GetLinksAsync(account, language, cancellationToken).ConfigureAwait(false);
                portal ??= Blank(links.PortalLink);
                payment ??= Blank(links.PaymentLink);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSourceFailed(logger, exception, source.GetType().Name, account.Number);
            }
        }

        var formatted = ReminderRenderer.FormatLinks(options, account);
        return new MailLinks(portal ?? formatted.PortalLink, payment ?? formatted.PaymentLink);
    }

    private static string? Blank(string? link) => string.IsNullOrWhiteSpace(link) ? null : link;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail link source {Source} failed for invoice {Invoice}; the mail goes without its links.")]
    private static partial void LogSourceFailed(ILogger logger, Exception exception, string source, string invoice);
}
