using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime.Text;

namespace Invoicing.Core;

/// <summary>
/// The archive's hash chain: each issued document stores SHA-256 over the previous document's hash, its numbering
/// metadata and its canonical form, so altering, removing or reordering any issued document, or any column copied from
/// it, breaks every link after it.
/// </summary>
/// <remarks>
/// <para>
/// Format 2 (<see cref="FormatMetadata"/>, every document issued since the format exists) hashes the UTF-8 text
/// <c>invoicing-archive/2 \n previousHash \n number \n seriesId \n counterKey \n sequence \n typeCode \n issueDate \n
/// dueDate \n issuedAt \n customerKey \n currency \n amountDue \n</c> followed by <see cref="InvoiceJson.Canonical"/> of
/// the numbered document: every value a store copies into columns for numbering, queries and audit.
/// Text fields escape <c>\</c> as <c>\\</c> and a line feed as <c>\n</c>, so no value can pass for two.
/// </para>
/// <para>
/// Format 1 (<see cref="FormatDocument"/>, archives written before format 2) hashes
/// <c>previousHash \n number \n seriesId \n sequence \n issuedAt \n</c> and the canonical document: it does not cover the
/// counter key. Such documents are never re-hashed (that would break the chain); a store moving an archive to format 2
/// seals their counter keys with an <see cref="ArchiveCheckpoint"/> instead.
/// </para>
/// Every store computes the hash here, so archives of different stores verify the same way.
/// </remarks>
public static class ArchiveHash
{
    /// <summary>Hash format 1: previous hash, number, series, sequence, issue instant and the canonical document.</summary>
    public const int FormatDocument = 1;

    /// <summary>Hash format 2: format 1 plus the counter key, type, dates, customer, currency and amount due.</summary>
    public const int FormatMetadata = 2;

    private static readonly byte[] FormatMetadataHeader = Encoding.UTF8.GetBytes("invoicing-archive/2\n");

    /// <summary>The previous hash of the first document of an archive: 64 zeros.</summary>
    public static string Genesis { get; } = new('0', 64);

    /// <summary>Recomputes the hash of an issued document from its own content, in its <see cref="IssuedInvoice.HashFormat"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The document has no number, the previous hash is not 64 hex digits, the format is unknown, or a format-2 document has no counter key.
    /// </exception>
    public static string Compute(IssuedInvoice issued) => Digest(Input(issued));

    /// <summary>
    /// The bytes the hash is computed over. A store that draws the sequence inside its database can build them there
    /// from this form (and must hash exactly these bytes); every other caller wants <see cref="Compute(IssuedInvoice)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Compute(IssuedInvoice)"/>.</exception>
    public static byte[] Input(IssuedInvoice issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        ArgumentNullException.ThrowIfNull(issued.Document);
        ArgumentNullException.ThrowIfNull(issued.PreviousHash);
        ArgumentNullException.ThrowIfNull(issued.SeriesId);
        if (!IsHash(issued.PreviousHash))
        {
            throw new ArgumentException("The previous hash must be 64 lower-case hex digits.", nameof(issued));
        }

        if (string.IsNullOrEmpty(issued.Document.Number))
        {
            throw new ArgumentException("Only numbered documents are hashed.", nameof(issued));
        }

        return issued.HashFormat switch
        {
            FormatDocument => [.. DocumentHeader(issued), .. InvoiceJson.Canonical(issued.Document)],
            FormatMetadata => [.. FormatMetadataHeader, .. Utf8(Line(issued.PreviousHash)), .. ArchiveMetadata.Of(issued).Block(), .. InvoiceJson.Canonical(issued.Document)],
            _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The hash format {issued.HashFormat} is not one this version knows (1 or 2)."), nameof(issued)),
        };
    }

    /// <summary>Whether the text is a hash as this class writes it: 64 lower-case hex digits.</summary>
    public static bool IsHash(string? text) =>
        text is { Length: 64 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    internal static string Digest(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>One header line: the value with <c>\</c> and line feeds escaped, then a line feed.</summary>
    internal static string Line(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\n";

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The format-1 header, byte for byte as archives before format 2 hold it (no escaping).</summary>
    private static byte[] DocumentHeader(IssuedInvoice issued) => Utf8(string.Create(
        CultureInfo.InvariantCulture,
        $"{issued.PreviousHash}\n{issued.Document.Number}\n{issued.SeriesId}\n{issued.Sequence}\n{InstantPattern.ExtendedIso.Format(issued.IssuedAt)}\n"));
}
