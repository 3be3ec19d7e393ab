namespace Invoicing.Payments.Stripe.Tests.Links;

/// <summary>Answers in the shape of Stripe's documented API: the Checkout Session object and the error object.</summary>
internal static class StripeCheckoutSessionJson
{
    public const string SessionId = "cs_test_a1EgfkYdHK2ZWTzPTsPqRN0dwQxbx2LSbWpXzQjHBsNahAlLo2HgqjPcqN";

    public const string Url = "https://checkout.stripe.com/c/pay/cs_test_a1EgfkYdHK2ZWTzPTsPqRN0dwQxbx2LSbWpXzQjHBsNahAlLo2HgqjPcqN";

    public static string Session(long expiresAt, long amount = 12000, string currency = "eur") => $$"""
        {
          "id": "{{SessionId}}",
          "object": "checkout.session",
          "after_expiration": null,
          "allow_promotion_codes": null,
          "amount_subtotal": {{amount}},
          "amount_total": {{amount}},
          "automatic_tax": { "enabled": false, "liability": null, "status": null },
          "billing_address_collection": null,
          "cancel_url": "https://shop.example.com/invoices",
          "client_reference_id": "F2026-00001",
          "consent": null,
          "consent_collection": null,
          "created": 1793610000,
          "currency": "{{currency}}",
          "custom_fields": [],
          "custom_text": { "shipping_address": null, "submit": null },
          "customer": null,
          "customer_creation": "if_required",
          "customer_details": null,
          "customer_email": null,
          "expires_at": {{expiresAt}},
          "invoice": null,
          "invoice_creation": null,
          "livemode": false,
          "locale": null,
          "metadata": { "invoice_number": "F2026-00001", "customer_key": "987654324" },
          "mode": "payment",
          "payment_intent": null,
          "payment_link": null,
          "payment_method_collection": "if_required",
          "payment_method_options": {},
          "payment_method_types": ["card"],
          "payment_status": "unpaid",
          "phone_number_collection": { "enabled": false },
          "recovered_from": null,
          "setup_intent": null,
          "shipping_address_collection": null,
          "shipping_cost": null,
          "shipping_details": null,
          "shipping_options": [],
          "status": "open",
          "submit_type": null,
          "subscription": null,
          "success_url": "https://shop.example.com/paid?session={CHECKOUT_SESSION_ID}",
          "total_details": { "amount_discount": 0, "amount_shipping": 0, "amount_tax": 0 },
          "ui_mode": "hosted",
          "url": "{{Url}}"
        }
        """;

    public static string Error(string type, string message, string? code = null, string? param = null) => $$"""
        {
          "error": {
            {{(code is null ? "" : $"\"code\": \"{code}\",")}}
            "doc_url": "https://stripe.com/docs/error-codes",
            "message": "{{message}}",
            {{(param is null ? "" : $"\"param\": \"{param}\",")}}
            "request_log_url": "https://dashboard.stripe.com/test/logs/req_1a2b3c",
            "type": "{{type}}"
          }
        }
        """;
}
