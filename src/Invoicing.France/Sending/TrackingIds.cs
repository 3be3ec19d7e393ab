using System.Security.Cryptography;
using System.Text;

namespace Invoicing.France;

/// <summary>
/// The tracking id of an invoice's flow, derived from its number alone, so any attempt, on any host, even one that
/// lost the store's record, looks for the same id: <c>inv-</c> and the number when it fits the platforms' 64
/// characters in plain letters, digits, '-', '_', '.' and '/'; otherwise <c>inv-sha256-</c> and the first 40 hex
/// digits of the number's SHA-256.
/// </summary>
internal static class TrackingIds
{
    private const string Prefix = "inv-";

    public static string For(string invoiceNumber) =>
        invoiceNumber.Length <= 64 - Prefix.Length && invoiceNumber.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
            ? Prefix + invoiceNumber
            : Prefix + "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(invoiceNumber)))[..40];
}
