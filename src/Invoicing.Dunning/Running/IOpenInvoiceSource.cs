using Invoicing.Core;

namespace Invoicing.Dunning;

/// <summary>Where the runner reads open invoices from. Over an <see cref="IInvoiceStore"/> by default.</summary>
public interface IOpenInvoiceSource
{
    /// <summary>Streams every open invoice (balance above zero).</summary>
    IAsyncEnumerable<InvoiceAccount> ListOpenAsync(CancellationToken cancellationToken = default);

    /// <summary>One invoice's account, or null when unknown.</summary>
    Task<InvoiceAccount?> GetAsync(string invoiceNumber, CancellationToken cancellationToken = default);
}
