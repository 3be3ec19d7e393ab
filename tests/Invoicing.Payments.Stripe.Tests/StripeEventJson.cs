using System.Globalization;

namespace Invoicing.Payments.Stripe.Tests;

/// <summary>Events in the shape of Stripe's documented event and Checkout Session objects.</summary>
internal static class StripeEventJson
{
    public static string CheckoutSession(
        string type,
        string eventId,
        string invoiceNumber,
        long amountTotal,
        string currency = "eur",
        string paymentStatus = "paid",
        string sessionId = "cs_test_a1b2c3",
        string? paymentIntent = "pi_3QxYz1LkdIwHu7ix0abc1234",
        long created = 1793610000,
        bool withMetadata = true)
    {
        var metadata = withMetadata ? $$"""{ "invoice_number": "{{invoiceNumber}}", "customer_key": "987654324" }""" : "{}";
        var intent = paymentIntent is null ? "null" : $"\"{paymentIntent}\"";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "id": "{{eventId}}",
              "object": "event",
              "api_version": "2026-10-28.endive",
              "created": {{created}},
              "data": {
                "object": {
                  "id": "{{sessionId}}",
                  "object": "checkout.session",
                  "amount_subtotal": {{amountTotal}},
                  "amount_total": {{amountTotal}},
                  "cancel_url": "https://shop.example.com/invoices",
                  "client_reference_id": "{{invoiceNumber}}",
                  "created": {{created - 120}},
                  "currency": "{{currency}}",
                  "customer": null,
                  "customer_email": null,
                  "expires_at": {{created + 86000}},
                  "livemode": false,
                  "metadata": {{metadata}},
                  "mode": "payment",
                  "payment_intent": {{intent}},
                  "payment_method_types": ["card"],
                  "payment_status": "{{paymentStatus}}",
                  "status": "complete",
                  "success_url": "https://shop.example.com/paid",
                  "url": null
                }
              },
              "livemode": false,
              "pending_webhooks": 1,
              "request": { "id": null, "idempotency_key": null },
              "type": "{{type}}"
            }
            """);
    }

    public static string Completed(string eventId, string invoiceNumber, long amountTotal, string paymentIntent = "pi_3QxYz1LkdIwHu7ix0abc1234", string currency = "eur", string paymentStatus = "paid") =>
        CheckoutSession("checkout.session.completed", eventId, invoiceNumber, amountTotal, currency, paymentStatus, sessionId: "cs_test_" + paymentIntent, paymentIntent: paymentIntent);

    public static string AsyncSucceeded(string eventId, string invoiceNumber, long amountTotal, string paymentIntent = "pi_3QxYz1LkdIwHu7ix0abc1234") =>
        CheckoutSession("checkout.session.async_payment_succeeded", eventId, invoiceNumber, amountTotal, sessionId: "cs_test_" + paymentIntent, paymentIntent: paymentIntent);
}
