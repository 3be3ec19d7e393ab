namespace Invoicing.Payments.Stripe.Fake;

/// <summary>One POST of an event to the webhook URL, and the answer it got.</summary>
/// <param name="EventId">The event's id (<c>evt_...</c>); a redelivery has the same.</param>
/// <param name="Type">The event type, such as <c>checkout.session.completed</c>.</param>
/// <param name="Payload">The JSON body sent, as signed.</param>
/// <param name="SignatureHeader">The <c>Stripe-Signature</c> header sent.</param>
/// <param name="StatusCode">The webhook's answer; null when it could not be reached.</param>
/// <param name="ResponseBody">The webhook's answer body, or the connection error.</param>
public sealed record FakeWebhookDelivery(string EventId, string Type, string Payload, string SignatureHeader, int? StatusCode, string ResponseBody)
{
    /// <summary>Whether the webhook answered 2xx.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
