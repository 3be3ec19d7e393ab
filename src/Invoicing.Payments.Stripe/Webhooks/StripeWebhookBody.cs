using Microsoft.AspNetCore.Http;
using Stripe;

namespace Invoicing.Payments.Stripe;

/// <summary>The raw body of a delivery, byte for byte (the signature covers those bytes), and the event in it.</summary>
internal static class StripeWebhookBody
{
    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The event, or null when the body is not one (not UTF-8 JSON, not an event, no id or type).</summary>
    public static Event? Parse(byte[] body)
    {
        string json;
        try
        {
            json = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }

        try
        {
            // The endpoint's API version may differ from Stripe.net's; the Checkout Session fields read here are stable across them.
            var stripeEvent = EventUtility.ParseEvent(json, throwOnApiVersionMismatch: false);
            return stripeEvent is { Object: "event" } && !string.IsNullOrEmpty(stripeEvent.Id) && !string.IsNullOrEmpty(stripeEvent.Type) ? stripeEvent : null;
        }
        catch (Exception exception) when (exception is StripeException or Newtonsoft.Json.JsonException or System.Text.Json.JsonException or FormatException or InvalidCastException or ArgumentException)
        {
            return null;
        }
    }
}
