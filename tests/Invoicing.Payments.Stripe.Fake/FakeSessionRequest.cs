using System.Globalization;

namespace Invoicing.Payments.Stripe.Fake;

/// <summary>The checks Stripe makes of a Checkout Session create request, for the fields the SDK sends.</summary>
internal static class FakeSessionRequest
{
    public static (string Param, string Message)? Problem(IReadOnlyDictionary<string, string> form, DateTimeOffset now)
    {
        if (form.GetValueOrDefault("mode") is not ("payment" or "setup" or "subscription"))
        {
            return ("mode", "Missing required param: mode.");
        }

        if (string.IsNullOrEmpty(form.GetValueOrDefault("success_url")))
        {
            return ("success_url", "Missing required param: success_url.");
        }

        if (string.IsNullOrEmpty(form.GetValueOrDefault("line_items[0][price_data][currency]")))
        {
            return ("line_items[0][price_data][currency]", "Missing required param: line_items[0][price_data][currency].");
        }

        if (!Invoicing.Core.Currency.TryFromCode(form["line_items[0][price_data][currency]"], out _))
        {
            return ("line_items[0][price_data][currency]", "Invalid currency.");
        }

        if (!long.TryParse(form.GetValueOrDefault("line_items[0][price_data][unit_amount]"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < 1)
        {
            return ("line_items[0][price_data][unit_amount]", "Invalid integer: unit_amount must be a positive integer in the currency's smallest unit.");
        }

        if (form.TryGetValue("line_items[0][quantity]", out var quantity) && (!long.TryParse(quantity, NumberStyles.None, CultureInfo.InvariantCulture, out var q) || q < 1))
        {
            return ("line_items[0][quantity]", "Invalid integer: quantity.");
        }

        if (form.TryGetValue("expires_at", out var expires))
        {
            if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return ("expires_at", "Invalid timestamp: expires_at.");
            }

            var lifetime = DateTimeOffset.FromUnixTimeSeconds(seconds) - now;
            if (lifetime < TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(5) || lifetime > TimeSpan.FromHours(24) + TimeSpan.FromSeconds(5))
            {
                return ("expires_at", "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.");
            }
        }

        return null;
    }
}
