using Invoicing.Core;
using NodaTime;
using Stripe;
using Stripe.Checkout;

namespace Invoicing.Payments.Stripe;

/// <summary>What a verified Stripe event means for the invoices: a payment to record, or nothing, with why.</summary>
/// <param name="Payment">The payment to record, or null.</param>
/// <param name="Ignored">Why nothing is recorded, when <paramref name="Payment"/> and <paramref name="Problem"/> are null.</param>
/// <param name="Problem">Why the event cannot be read as a payment of an invoice, or null.</param>
internal sealed record CheckoutEventMeaning(PaymentReceived? Payment, string? Ignored, ValidationIssue? Problem);

/// <summary>
/// Reads Checkout Session events. <c>checkout.session.completed</c> with <c>payment_status</c> <c>paid</c> is a payment
/// (a card, a wallet); completed but <c>unpaid</c> waits for <c>checkout.session.async_payment_succeeded</c> (a bank
/// debit or transfer), which is the payment then. Both events of one session carry its PaymentIntent, the payment's
/// identity, so they record one payment. Sessions without the <c>invoice_number</c> metadata are not the SDK's and are
/// ignored, as are every other event type.
/// </summary>
internal static class StripeCheckoutEvents
{
    /// <param name="stripeEvent">The verified event.</param>
    /// <param name="now">The time of receipt, the payment's time when the event has no creation time.</param>
    public static CheckoutEventMeaning Read(Event stripeEvent, Instant now)
    {
        var isCompleted = stripeEvent.Type == EventTypes.CheckoutSessionCompleted;
        if (!isCompleted && stripeEvent.Type != EventTypes.CheckoutSessionAsyncPaymentSucceeded)
        {
            return Ignore($"events of type '{stripeEvent.Type}' record nothing");
        }

        if (stripeEvent.Data?.Object is not Session session || string.IsNullOrEmpty(session.Id))
        {
            return Malformed("PAY-STRIPE-EVENT-OBJECT", "data.object", $"The {stripeEvent.Type} event {stripeEvent.Id} carries no Checkout Session.");
        }

        if (session.Metadata is null || !session.Metadata.TryGetValue(StripePaymentLinkProvider.InvoiceNumberKey, out var invoiceNumber))
        {
            return Ignore($"the session {session.Id} was not made for an invoice (no {StripePaymentLinkProvider.InvoiceNumberKey} metadata)");
        }

        if (isCompleted && session.PaymentStatus != "paid")
        {
            return Ignore($"the session {session.Id} is completed but its payment is '{session.PaymentStatus}': checkout.session.async_payment_succeeded will record it");
        }

        if (!Currency.TryFromCode(session.Currency, out var currency))
        {
            return Malformed("PAY-STRIPE-CURRENCY", "data.object.currency", $"The session {session.Id} is in '{session.Currency}', not an ISO 4217 currency.");
        }

        if (session.AmountTotal is not { } total)
        {
            return Malformed("PAY-STRIPE-AMOUNT", "data.object.amount_total", $"The session {session.Id} has no amount_total.");
        }

        var method = isCompleted ? Core.PaymentMethod.Card : Core.PaymentMethod.Other;
        var created = stripeEvent.Created == default ? now : Instant.FromDateTimeUtc(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        return new(
            new PaymentReceived(
                StripePaymentOptions.ProviderName,
                stripeEvent.Id,
                string.IsNullOrEmpty(session.PaymentIntentId) ? session.Id : session.PaymentIntentId,
                invoiceNumber,
                StripeAmounts.FromMinorUnits(total, currency),
                currency,
                created,
                method),
            null,
            null);
    }

    private static CheckoutEventMeaning Ignore(string why) => new(null, why, null);

    private static CheckoutEventMeaning Malformed(string rule, string path, string message) => new(null, null, ValidationIssue.Error(rule, path, message));
}
