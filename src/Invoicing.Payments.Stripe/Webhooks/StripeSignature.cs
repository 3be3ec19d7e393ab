using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Invoicing.Payments.Stripe;

/// <summary>What the check of a <c>Stripe-Signature</c> header found.</summary>
internal enum StripeSignatureCheck
{
    /// <summary>A <c>v1</c> signature matches and the timestamp is within the tolerance.</summary>
    Valid,

    /// <summary>No header.</summary>
    Missing,

    /// <summary>The header has no timestamp or no <c>v1</c> signature.</summary>
    Malformed,

    /// <summary>No <c>v1</c> signature matches the body with the signing secret.</summary>
    Mismatch,

    /// <summary>The signature matches but its timestamp is outside the tolerance: a replay, or a clock far off.</summary>
    OutsideTolerance,
}

/// <summary>
/// Stripe's webhook signature, as its documentation specifies: the header is <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=...]</c>
/// where each <c>v1</c> is HMAC-SHA256, keyed with the endpoint's signing secret, of <c>t + "." + body</c>. Several
/// <c>v1</c> appear while a secret is being rolled; <c>v0</c> and other schemes are ignored. Compared in constant time.
/// </summary>
internal static class StripeSignature
{
    public static StripeSignatureCheck Check(string? header, ReadOnlySpan<byte> body, string secret, Instant now, Duration tolerance)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return StripeSignatureCheck.Missing;
        }

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                timestamp = seconds;
            }
            else if (key == "v1" && value.Length == 64 && TryHex(value, out var signature))
            {
                signatures.Add(signature);
            }
        }

        if (timestamp is not { } t || signatures.Count == 0 || t > Instant.MaxValue.ToUnixTimeSeconds())
        {
            return StripeSignatureCheck.Malformed;
        }

        var expected = Compute(secret, t, body);
        if (!signatures.Any(s => CryptographicOperations.FixedTimeEquals(s, expected)))
        {
            return StripeSignatureCheck.Mismatch;
        }

        var age = now - Instant.FromUnixTimeSeconds(t);
        return age > tolerance || age < -tolerance ? StripeSignatureCheck.OutsideTolerance : StripeSignatureCheck.Valid;
    }

    /// <summary>HMAC-SHA256 of <c>t.body</c> keyed with the secret's UTF-8 bytes.</summary>
    private static byte[] Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }

    private static bool TryHex(string value, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(value);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
