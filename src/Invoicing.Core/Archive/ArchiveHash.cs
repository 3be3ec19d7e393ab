using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core;

/// <summary>
/// The archive's hash chain: each issued document stores SHA-256 over the previous document's hash and its own
/// canonical form, so altering, removing or reordering any issued document breaks every link after it.
/// </summary>
/// <remarks>
/// The hashed bytes are the UTF-8 text <c>previousHash \n number \n seriesId \n sequence \n issuedAt \n</c>
/// (issuedAt as ISO 8601 UTC, sequence in invariant digits) followed by <see cref="InvoiceJson.Canonical"/> of the
/// numbered document. Every store computes it here, so archives of different stores verify the same way.
/// </remarks>
public static class ArchiveHash
{
    /// <summary>The previous hash of the first document of an archive: 64 zeros.</summary>
    public static string Genesis { get; } = new('0', 64);

    /// <summary>Computes the hash of a numbered document, lower-case hex.</summary>
    /// <exception cref="ArgumentException">The document has no number, or the previous hash is not 64 hex digits.</exception>
    public static string Compute(string previousHash, Invoice document, string seriesId, long sequence, Instant issuedAt)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Header(previousHash, document, seriesId, sequence, issuedAt));
        hash.AppendData(InvoiceJson.Canonical(document));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The bytes the hash is computed over. A store that draws the sequence inside its database can build them there
    /// from this form (and must hash exactly these bytes); every other caller wants <see cref="Compute(string, Invoice, string, long, Instant)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The document has no number, or the previous hash is not 64 hex digits.</exception>
    public static byte[] Input(string previousHash, Invoice document, string seriesId, long sequence, Instant issuedAt) =>
        [.. Header(previousHash, document, seriesId, sequence, issuedAt), .. InvoiceJson.Canonical(document)];

    /// <summary>The UTF-8 header line block that precedes the canonical document; checks the arguments.</summary>
    private static byte[] Header(string previousHash, Invoice document, string seriesId, long sequence, Instant issuedAt)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(seriesId);
        if (!IsHash(previousHash))
        {
            throw new ArgumentException("The previous hash must be 64 lower-case hex digits.", nameof(previousHash));
        }

        if (string.IsNullOrEmpty(document.Number))
        {
            throw new ArgumentException("Only numbered documents are hashed.", nameof(document));
        }

        return Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"{previousHash}\n{document.Number}\n{seriesId}\n{sequence}\n{InstantPattern.ExtendedIso.Format(issuedAt)}\n"));
    }

    /// <summary>Recomputes the hash of an issued document from its own content and its stored previous hash.</summary>
    public static string Compute(IssuedInvoice issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        return Compute(issued.PreviousHash, issued.Document, issued.SeriesId, issued.Sequence, issued.IssuedAt);
    }

    /// <summary>Whether the text is a hash as this class writes it: 64 lower-case hex digits.</summary>
    public static bool IsHash(string? text) =>
        text is { Length: 64 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
