using Invoicing.Core;
using Invoicing.Dunning;

namespace Invoicing.Mail.Smtp.Tests.Links;

/// <summary>A link source that gives the same links for every invoice and remembers what it was asked.</summary>
internal sealed class FixedLinks(string? portal, string? payment) : IMailLinkSource
{
    public List<(string Invoice, string Language)> Requests { get; } = [];

    public Task<MailLinks> GetLinksAsync(InvoiceAccount account, string language, CancellationToken cancellationToken = default)
    {
        lock (Requests)
        {
            Requests.Add((account.Number, language));
        }

        return Task.FromResult(new MailLinks(portal, payment));
    }
}

/// <summary>A link source whose provider is down.</summary>
internal sealed class FailingLinks : IMailLinkSource
{
    public Task<MailLinks> GetLinksAsync(InvoiceAccount account, string language, CancellationToken cancellationToken = default) =>
        Task.FromException<MailLinks>(new HttpRequestException("provider unreachable"));
}
