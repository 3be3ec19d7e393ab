using Invoicing.Core;

namespace Invoicing.Dunning;

/// <summary>
/// Gives the links of a mail about an invoice, from the host's portal or payment provider (their packages register
/// one each). Several sources may be registered: for each link the first source that gives one wins, and the
/// format strings of <see cref="ReminderRenderOptions"/> fill what none gives, so a host without a portal or a
/// payment provider gets the mails it got before.
/// </summary>
public interface IMailLinkSource
{
    /// <summary>The links for an invoice's mail in <paramref name="language"/> (<c>fr</c>, <c>en</c>); null for a link this source does not give.</summary>
    Task<MailLinks> GetLinksAsync(InvoiceAccount account, string language, CancellationToken cancellationToken = default);
}
