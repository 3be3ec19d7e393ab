using System.Text.Json.Nodes;

namespace Invoicing.Payments.Stripe.Fake;

/// <summary>The JSON shapes of Stripe's documented API: the Checkout Session object, the event object, the error object.</summary>
internal static class FakeStripeJson
{
    /// <summary>The API version the fake's events say they were written in (Stripe.net 53.1.0's).</summary>
    public const string ApiVersion = "2026-10-28.endive";

    public static JsonObject Session(FakeCheckoutSession session)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in session.Metadata)
        {
            metadata[key] = value;
        }

        return new JsonObject
        {
            ["id"] = session.Id,
            ["object"] = "checkout.session",
            ["amount_subtotal"] = session.AmountTotal,
            ["amount_total"] = session.AmountTotal,
            ["cancel_url"] = session.CancelUrl,
            ["client_reference_id"] = session.ClientReferenceId,
            ["created"] = session.Created.ToUnixTimeSeconds(),
            ["currency"] = session.Currency,
            ["customer"] = null,
            ["customer_email"] = null,
            ["expires_at"] = session.ExpiresAt,
            ["livemode"] = false,
            ["metadata"] = metadata,
            ["mode"] = "payment",
            ["payment_intent"] = session.PaymentIntentId,
            ["payment_method_types"] = new JsonArray("card"),
            ["payment_status"] = session.PaymentStatus,
            ["status"] = session.Status,
            ["success_url"] = session.SuccessUrl,
            ["ui_mode"] = "hosted",
            ["url"] = session.Status == "open" ? session.Url.AbsoluteUri : null,
        };
    }

    public static JsonObject Event(string id, string type, long created, JsonObject dataObject) => new()
    {
        ["id"] = id,
        ["object"] = "event",
        ["api_version"] = ApiVersion,
        ["created"] = created,
        ["data"] = new JsonObject { ["object"] = dataObject },
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
    };

    public static JsonObject Error(string type, string message, string? code = null, string? param = null)
    {
        var error = new JsonObject { ["type"] = type, ["message"] = message };
        if (code is not null)
        {
            error["code"] = code;
        }

        if (param is not null)
        {
            error["param"] = param;
        }

        return new JsonObject { ["error"] = error };
    }
}
