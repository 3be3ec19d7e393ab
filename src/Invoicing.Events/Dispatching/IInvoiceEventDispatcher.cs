namespace Invoicing.Events;

/// <summary>
/// Delivers the store's events to every registered <see cref="Core.IInvoiceEventHandler"/>; the hosted service calls it
/// in a loop, a host without one calls it itself.
/// </summary>
public interface IInvoiceEventDispatcher
{
    /// <summary>
    /// One pass: for each handler whose cursor this instance can lease and that is not waiting to retry, delivers up to
    /// <see cref="InvoiceEventOptions.BatchSize"/> events after its cursor in order, advancing the cursor after each one
    /// handled, until the batch is done or the handler throws. Handlers run side by side, so a failing one holds up no
    /// other; call again at once while <see cref="InvoiceEventDispatchResult.Delivered"/> is above zero.
    /// </summary>
    Task<InvoiceEventDispatchResult> DispatchOnceAsync(CancellationToken cancellationToken = default);

    /// <summary>Records the overdue events due today (in the business's time zone); returns how many were recorded.</summary>
    Task<int> RecordOverdueAsync(CancellationToken cancellationToken = default);
}

/// <summary>What a dispatch pass did.</summary>
/// <param name="Delivered">Events handled and moved past, all handlers together.</param>
/// <param name="Failed">Handlers that threw in this pass (their event comes again after the backoff).</param>
/// <param name="Skipped">Handlers not run: leased by another instance, or waiting to retry.</param>
public readonly record struct InvoiceEventDispatchResult(int Delivered, int Failed, int Skipped);
