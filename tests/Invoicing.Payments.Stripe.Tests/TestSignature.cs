using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Invoicing.Payments.Stripe.Tests;

/// <summary>Stripe's webhook signature computed here, from Stripe's documentation, not by the code under test.</summary>
internal static class TestSignature
{
    /// <summary><c>t=&lt;timestamp&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.payload")&gt;</c>.</summary>
    public static string Header(string secret, string payload, long timestamp)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var signed = string.Create(CultureInfo.InvariantCulture, $"{timestamp}.{payload}");
        var hex = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(signed))).ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={hex}");
    }
}
