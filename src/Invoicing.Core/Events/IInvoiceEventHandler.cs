namespace Invoicing.Core;

/// <summary>
/// Reacts to invoice events (a CRM update, a webhook, a ledger entry). The dispatcher calls it for every event of the
/// store in order, at least once: the handler's cursor advances only after <see cref="HandleAsync"/> returned, so an
/// exception (or a crash) makes the same event come again later, never lost. A handler should therefore be idempotent,
/// keyed by <see cref="InvoiceEvent.Id"/>.
/// </summary>
public interface IInvoiceEventHandler
{
    /// <summary>
    /// The handler's stable name: its cursor is stored under it, so renaming a handler starts it again from the first
    /// event. 1 to 200 characters; unique among the handlers of a host.
    /// </summary>
    string Name { get; }

    /// <summary>Handles one event. Throw to have it delivered again later (with backoff); return to move past it.</summary>
    Task HandleAsync(InvoiceEvent invoiceEvent, CancellationToken cancellationToken);
}
