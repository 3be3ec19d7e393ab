namespace Invoicing.Core;

/// <summary>Where per-customer and per-invoice dunning settings live.</summary>
public interface IDunningSettingsStore
{
    /// <summary>A customer's settings, or null when none were saved.</summary>
    Task<DunningCustomerSettings?> GetCustomerAsync(string customerKey, CancellationToken cancellationToken = default);

    /// <summary>Saves (replaces) a customer's settings.</summary>
    /// <exception cref="InvoiceValidationException">A blank customer key (DUN-SETTINGS-CUSTOMER).</exception>
    Task SaveCustomerAsync(DunningCustomerSettings settings, CancellationToken cancellationToken = default);

    /// <summary>An invoice's settings, or null when none were saved.</summary>
    Task<DunningInvoiceSettings?> GetInvoiceAsync(string invoiceNumber, CancellationToken cancellationToken = default);

    /// <summary>Saves (replaces) an invoice's settings.</summary>
    /// <exception cref="InvoiceValidationException">A blank invoice number (DUN-SETTINGS-INVOICE).</exception>
    Task SaveInvoiceAsync(DunningInvoiceSettings settings, CancellationToken cancellationToken = default);
}
