using System.Security.Cryptography;
using System.Text;

namespace Invoicing.Core;

/// <summary>
/// Ids derived from names, the same on every host and every retry: a repeated webhook, status message or sync finds the
/// id it used before instead of making a second record. Pure.
/// </summary>
public static class DerivedIds
{
    /// <summary>
    /// A name-based UUID (RFC 9562 version 8): the first 16 bytes of SHA-256 over the parts joined by line feeds, in
    /// UTF-8 (a null part counts as empty), with the version and variant bits set. Stable: ids already stored depend on it.
    /// </summary>
    public static Guid From(params string?[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
