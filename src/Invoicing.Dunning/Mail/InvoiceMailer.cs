using System.Text.Encodings.Web;
using Fluid;
using Invoicing.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Dunning;

/// <summary>
/// Renders the <see cref="BuiltInTemplates.Invoice"/> template (the host may replace it in the render options), attaches
/// the PDF, sends, and records the sent event. It uses the dunning options' sender address, Message-ID domain,
/// templates and links so that an invoice and its reminders read as one correspondence.
/// </summary>
internal sealed class InvoiceMailer(
    IInvoiceStore store,
    IInvoiceEventStore events,
    IDunningSettingsStore settings,
    IMailSender sender,
    IClock clock,
    IOptions<DunningOptions> options,
    IEnumerable<IMailLinkSource> linkSources,
    IInvoiceAttachmentProvider? attachments = null,
    ILogger<InvoiceMailer>? logger = null) : IInvoiceMailer
{
    private const string Channel = "email";
    private readonly DunningOptions _options = options.Value;
    private readonly MailLinkResolver _links = new(linkSources, options.Value.Rendering, logger ?? (ILogger)NullLogger.Instance);
    private readonly TemplateOptions _templateOptions = new();

    public async Task<MailSendResult> SendAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(invoiceNumber))
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-MAIL-INVOICE", "invoiceNumber", "Give the number of the issued invoice to send."));
        }

        var account = await store.GetAccountAsync(invoiceNumber, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoiceValidationException(ValidationIssue.Error("DUN-MAIL-INVOICE-UNKNOWN", "invoiceNumber", $"There is no issued invoice numbered '{invoiceNumber}'."));
        var invoice = account.Invoice.Document;
        var customer = await settings.GetCustomerAsync(invoice.CustomerKey, cancellationToken).ConfigureAwait(false);
        var recipient = MailRecipients.For(customer, account)
            ?? throw new InvoiceValidationException(ValidationIssue.Error("DUN-MAIL-RECIPIENT", "buyer.contact.email", $"Invoice '{invoiceNumber}' cannot be mailed: the customer has no e-mail address (dunning settings or buyer contact, BT-58)."));

        var rendering = _options.Rendering;
        var (template, language) = rendering.Templates.Find(customer?.Language ?? rendering.DefaultLanguage, BuiltInTemplates.Invoice, rendering.DefaultLanguage);
        var links = await _links.ResolveAsync(account, language, cancellationToken).ConfigureAwait(false);
        var context = ReminderRenderer.InvoiceContext(_templateOptions, account, language == "fr", links);
        context.SetValue("is_credit_note", invoice.Type.IsCreditNote());

        var files = new List<MailAttachment>(1);
        if (attachments is not null && await attachments.GetInvoicePdfAsync(account, cancellationToken).ConfigureAwait(false) is { } pdf)
        {
            files.Add(pdf);
        }

        var mail = new OutgoingMail
        {
            MessageId = MessageIds.ForInvoice(account.Number, _options.MessageIdDomain),
            From = _options.From,
            To = recipient,
            Subject = template.Subject.Render(context, NullEncoder.Default).ReplaceLineEndings(" ").Trim(),
            TextBody = template.Text.Render(context, NullEncoder.Default),
            HtmlBody = template.Html.Render(context, HtmlEncoder.Default),
            Attachments = files,
        };

        var result = await sender.SendAsync(mail, cancellationToken).ConfigureAwait(false);
        if (result.Status == MailSendStatus.Sent)
        {
            // The transport has the mail: the event is recorded even if the caller is cancelling, so it is never lost.
            await events.RecordSentAsync(account.Number, clock.GetCurrentInstant(), Channel, CancellationToken.None).ConfigureAwait(false);
        }

        return result;
    }
}
