using Invoicing.Core;

namespace Invoicing.Dunning;

/// <summary>Ready-made <see cref="IInvoiceAttachmentProvider"/>s.</summary>
public static class InvoiceAttachmentProviders
{
    /// <summary>
    /// The invoice PDF from a delegate (for example the PDF package's renderer), attached as
    /// <c>{invoice number}.pdf</c>; no attachment when the delegate returns null or no bytes.
    /// </summary>
    public static IInvoiceAttachmentProvider FromDelegate(Func<InvoiceAccount, CancellationToken, Task<byte[]?>> renderPdf)
    {
        ArgumentNullException.ThrowIfNull(renderPdf);
        return new DelegateProvider(renderPdf);
    }

    private sealed class DelegateProvider(Func<InvoiceAccount, CancellationToken, Task<byte[]?>> renderPdf) : IInvoiceAttachmentProvider
    {
        public async Task<MailAttachment?> GetInvoicePdfAsync(InvoiceAccount account, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(account);
            var bytes = await renderPdf(account, cancellationToken).ConfigureAwait(false);
            if (bytes is not { Length: > 0 })
            {
                return null;
            }

            var name = new string([.. account.Number.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
            return new MailAttachment(name + ".pdf", "application/pdf", bytes);
        }
    }
}
