using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Invoicing.Webhooks;

/// <summary>
/// The webhook signature scheme, for senders and receivers. Each request carries
/// <c>Invoicing-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where the hex is
/// HMAC-SHA256(key = the endpoint secret in UTF-8, message = "&lt;t&gt;." followed by the raw request body), lower case.
/// A receiver recomputes it over the bytes it received, compares in constant time, and refuses a timestamp too far
/// from its clock (a replayed request); it keeps the <c>Invoicing-Event-Id</c> of events handled to ignore a repeat.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header holding the timestamp and the signature.</summary>
    public const string SignatureHeader = "Invoicing-Signature";

    /// <summary>The header holding the event id (<see cref="Core.InvoiceEvent.Id"/>), the same at every delivery of an event.</summary>
    public const string EventIdHeader = "Invoicing-Event-Id";

    /// <summary>The header holding the event type name (<c>issued</c>, <c>paid</c>...).</summary>
    public const string EventTypeHeader = "Invoicing-Event-Type";

    /// <summary>The tolerance receivers should use by default between the signed timestamp and their clock.</summary>
    public static Duration DefaultTolerance { get; } = Duration.FromMinutes(5);

    /// <summary>The value of <see cref="SignatureHeader"/> for <paramref name="body"/> signed at <paramref name="timestamp"/>.</summary>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Convert.ToHexStringLower(Mac(secret, timestamp, body))}");
    }

    /// <summary>
    /// Whether <paramref name="signatureHeader"/> signs <paramref name="body"/> with <paramref name="secret"/>, at a timestamp
    /// within <paramref name="tolerance"/> of <paramref name="now"/>. False for a missing, malformed or stale header; never throws on input.
    /// </summary>
    public static bool Verify(string secret, string? signatureHeader, ReadOnlySpan<byte> body, Instant now, Duration tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrEmpty(signatureHeader))
        {
            return false;
        }

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in signatureHeader.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal) && long.TryParse(part.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal) && part.Length == 3 + 64)
            {
                try
                {
                    signatures.Add(Convert.FromHexString(part.AsSpan(3)));
                }
                catch (FormatException)
                {
                    // Not hex: ignored, like any signature that does not match.
                }
            }
        }

        if (timestamp is not { } signedAt || signatures.Count == 0 || signedAt > Instant.MaxValue.ToUnixTimeSeconds() || signedAt < Instant.MinValue.ToUnixTimeSeconds())
        {
            return false;
        }

        if (Duration.FromSeconds(Math.Abs(now.ToUnixTimeSeconds() - signedAt)) > tolerance)
        {
            return false;
        }

        var expected = Mac(secret, signedAt, body);
        return signatures.Exists(signature => CryptographicOperations.FixedTimeEquals(signature, expected));
    }

    private static byte[] Mac(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
