namespace Invoicing.Payments;

/// <summary>
/// Records the payments providers report through <see cref="Core.IInvoiceStore.RecordPaymentAsync"/>, exactly once each:
/// the store's payment id is derived from the provider's payment identity (<see cref="PaymentIds.For"/>), so a
/// webhook delivered twice, two events of one payment or events out of order record one payment. A partial payment
/// leaves the balance open; a second one adds to the first.
/// </summary>
/// <remarks>
/// Refused, with nothing stored and the reason named: a malformed report, an unknown invoice, a credit note, another
/// currency than the invoice's, a written-off invoice, and an amount above the open balance (never recorded in part:
/// the provider took the whole amount, so a person refunds or settles the difference).
/// </remarks>
public interface IPaymentRecorder
{
    /// <summary>Records <paramref name="payment"/> unless it is recorded already or cannot be; says which.</summary>
    /// <exception cref="Core.InvoiceStoreException">The store could not be reached; nothing was recorded and the report can be retried.</exception>
    Task<PaymentRecordingResult> RecordAsync(PaymentReceived payment, CancellationToken cancellationToken = default);
}
