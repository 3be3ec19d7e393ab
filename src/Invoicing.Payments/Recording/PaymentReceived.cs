using Invoicing.Core;
using NodaTime;

namespace Invoicing.Payments;

/// <summary>
/// A payment a provider reports (from its webhook), before it is recorded against the invoice. A provider may report
/// one payment several times (a webhook retried, two events of one payment, events out of order): the pair
/// (<see cref="Provider"/>, <see cref="PaymentId"/>) identifies the payment, so <see cref="IPaymentRecorder"/> records it once.
/// </summary>
/// <param name="Provider">The provider's name (for example <c>stripe</c>); 1 to 50 characters.</param>
/// <param name="EventId">The provider's id of the event that reported it, for the log and support.</param>
/// <param name="PaymentId">The provider's id of the payment (a Stripe PaymentIntent id): the same for every event of one payment.</param>
/// <param name="InvoiceNumber">The invoice paid, as the payment link carried it.</param>
/// <param name="Amount">The amount received, above zero, in <paramref name="Currency"/>.</param>
/// <param name="Currency">The currency received.</param>
/// <param name="ReceivedAt">When the provider took the payment; its day in the business's time zone is the value date.</param>
/// <param name="Method">How the customer paid; card unless the provider says otherwise.</param>
public sealed record PaymentReceived(
    string Provider,
    string EventId,
    string PaymentId,
    string InvoiceNumber,
    decimal Amount,
    Currency Currency,
    Instant ReceivedAt,
    PaymentMethod Method = PaymentMethod.Card)
{
    /// <summary>The longest provider name accepted.</summary>
    public const int MaxProviderLength = 50;

    /// <summary>The longest event id, payment id or invoice number accepted.</summary>
    public const int MaxIdLength = 200;
}
