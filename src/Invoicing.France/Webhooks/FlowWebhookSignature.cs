using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Invoicing.France;

/// <summary>
/// The signature of the platform's webhook notifications, as XP Z12-013 defines it: a SHA-256 fingerprint of the raw
/// JSON body, '@' and the epoch seconds of <c>Afnor-Signature-Timestamp</c>; an HMAC-SHA256 of that fingerprint with
/// the webhook's signing key (the base64 key given at registration, decoded); the MAC in base64 in
/// <c>Afnor-Signature</c>. A receiver recomputes it over the bytes it received, compares in constant time and refuses
/// a timestamp too far from its clock (a replay).
/// </summary>
public static class FlowWebhookSignature
{
    /// <summary>The header holding the signature (base64).</summary>
    public const string SignatureHeader = "Afnor-Signature";

    /// <summary>The header holding the signing time (epoch seconds).</summary>
    public const string TimestampHeader = "Afnor-Signature-Timestamp";

    /// <summary>The tolerance receivers should use by default between the signed time and their clock.</summary>
    public static Duration DefaultTolerance { get; } = Duration.FromMinutes(5);

    /// <summary>The value of <see cref="SignatureHeader"/> for <paramref name="body"/> signed at <paramref name="timestamp"/> (what the platform sends).</summary>
    /// <exception cref="ArgumentException">The signing key is not base64.</exception>
    public static string Sign(string signingKey, long timestamp, ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(Mac(Key(signingKey) ?? throw new ArgumentException("The signing key must be the base64 key the platform gave.", nameof(signingKey)), timestamp, body));

    /// <summary>
    /// Whether the headers sign <paramref name="body"/> with <paramref name="signingKey"/>, at a time within
    /// <paramref name="tolerance"/> of <paramref name="now"/>. False for a missing, malformed or stale header or a
    /// key that is not base64; never throws on input.
    /// </summary>
    public static bool Verify(string signingKey, string? signatureHeader, string? timestampHeader, ReadOnlySpan<byte> body, Instant now, Duration tolerance)
    {
        if (Key(signingKey) is not { Length: > 0 } key
            || string.IsNullOrEmpty(signatureHeader)
            || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var signedAt)
            || signedAt > Instant.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        if (Duration.FromSeconds(Math.Abs(now.ToUnixTimeSeconds() - signedAt)) > tolerance)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(signatureHeader.Trim(), given, out var length) || length != 32)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Mac(key, signedAt, body), given[..length]);
    }

    private static byte[]? Key(string? signingKey)
    {
        if (string.IsNullOrWhiteSpace(signingKey))
        {
            return null;
        }

        var buffer = new byte[signingKey.Length];
        return Convert.TryFromBase64String(signingKey.Trim(), buffer, out var length) && length > 0 ? buffer[..length] : null;
    }

    private static byte[] Mac(byte[] key, long timestamp, ReadOnlySpan<byte> body)
    {
        var suffix = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"@{timestamp}"));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(body);
        sha.AppendData(suffix);
        return HMACSHA256.HashData(key, sha.GetHashAndReset());
    }
}
