using System.Text;
using System.Text.Json;
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

    /// <summary>The event, or null when the body is not one (not UTF-8 JSON, not an event object with an id, a type and data).</summary>
    public static Event? Parse(byte[] body)
    {
        // Checked here first: Stripe.net's reader is made for Stripe's own output, not for hostile shapes.
        if (!HasEventShape(body))
        {
            return null;
        }

        try
        {
            // The endpoint's API version may differ from Stripe.net's; the Checkout Session fields read here are stable across them.
            var stripeEvent = EventUtility.ParseEvent(Encoding.UTF8.GetString(body), throwOnApiVersionMismatch: false);
            return !string.IsNullOrEmpty(stripeEvent?.Id) && !string.IsNullOrEmpty(stripeEvent.Type) ? stripeEvent : null;
        }
        catch (Exception exception) when (exception is StripeException or JsonException or Newtonsoft.Json.JsonException or FormatException or InvalidCastException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool HasEventShape(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("object", out var kind) && kind.ValueKind == JsonValueKind.String && kind.ValueEquals("event")
                && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("object", out var dataObject) && dataObject.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
