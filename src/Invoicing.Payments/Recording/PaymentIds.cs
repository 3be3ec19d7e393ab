using Invoicing.Core;

namespace Invoicing.Payments;

/// <summary>
/// The store's id of a provider's payment, derived from the provider's name and its payment id alone. Every report of
/// one payment (a webhook retried, a second event, events out of order, another host instance) gets the same
/// <see cref="Core.Payment.Id"/>, and the store records a payment id once, in its own transaction.
/// </summary>
public static class PaymentIds
{
    /// <summary>
    /// A name-based UUID (RFC 9562 version 8): the first 16 bytes of SHA-256 over <c>invoicing-payment\n{provider}\n{paymentId}</c>
    /// in UTF-8, with the version and variant bits set. Stable across versions of this package: changing it would
    /// record every payment reported again a second time.
    /// </summary>
    /// <exception cref="ArgumentException">The provider or the payment id is empty.</exception>
    public static Guid For(string provider, string paymentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentId);
        return DerivedIds.From("invoicing-payment", provider, paymentId);
    }
}
