using System.Collections.Concurrent;

namespace Invoicing.Core;

/// <summary>Dunning settings in two concurrent dictionaries.</summary>
internal sealed class InMemoryDunningSettingsStore(InMemoryInvoiceStore? events = null, NodaTime.IClock? clock = null) : IDunningSettingsStore
{
    private readonly Lock _invoiceGate = new();

    private readonly ConcurrentDictionary<string, DunningCustomerSettings> _customers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DunningInvoiceSettings> _invoices = new(StringComparer.Ordinal);

    public Task<DunningCustomerSettings?> GetCustomerAsync(string customerKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(customerKey is not null && _customers.TryGetValue(customerKey, out var s) ? s : null);

    public Task SaveCustomerAsync(DunningCustomerSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ReminderRules.RequireText(settings.CustomerKey, "DUN-SETTINGS-CUSTOMER", "customerKey");
        _customers[settings.CustomerKey] = settings;
        return Task.CompletedTask;
    }

    public Task<DunningInvoiceSettings?> GetInvoiceAsync(string invoiceNumber, CancellationToken cancellationToken = default) =>
        Task.FromResult(invoiceNumber is not null && _invoices.TryGetValue(invoiceNumber, out var s) ? s : null);

    public Task SaveInvoiceAsync(DunningInvoiceSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ReminderRules.RequireText(settings.InvoiceNumber, "DUN-SETTINGS-INVOICE", "invoiceNumber");
        lock (_invoiceGate)
        {
            var wasDisputed = _invoices.TryGetValue(settings.InvoiceNumber, out var before) && before.Disputed;
            _invoices[settings.InvoiceNumber] = settings;
            if (settings.Disputed && !wasDisputed && events is not null && clock is not null)
            {
                events.RecordForNumber(InvoiceEventKind.Disputed, settings.InvoiceNumber, clock.GetCurrentInstant(), InvoiceEvents.DisputedData(settings.PausedUntil));
            }
        }

        return Task.CompletedTask;
    }
}
