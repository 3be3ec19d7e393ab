using System.Text.Json.Serialization;
using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// An issued invoice or credit note: numbered, frozen, and linked into the archive's hash chain.
/// Nothing about it changes after issue; payments and credit notes change its <see cref="InvoiceAccount"/>.
/// </summary>
public sealed record IssuedInvoice
{
    /// <summary>The document as issued, with its number.</summary>
    public required Invoice Document { get; init; }

    /// <summary>Its totals, computed at issue.</summary>
    public required InvoiceTotals Totals { get; init; }

    /// <summary>The numbering series it was numbered in.</summary>
    public required string SeriesId { get; init; }

    /// <summary>The sequence drawn from the series' counter.</summary>
    public required long Sequence { get; init; }

    /// <summary>
    /// The counter the sequence was drawn from (<see cref="NumberSeries.CounterKey"/>: the series id, with the year for a
    /// yearly series). Null on documents sealed in <see cref="ArchiveHash.FormatDocument"/>, which did not record it.
    /// </summary>
    public string? CounterKey { get; init; }

    /// <summary>
    /// How <see cref="Hash"/> was computed: <see cref="ArchiveHash.FormatDocument"/> (documents issued before the numbering
    /// metadata was hashed) or <see cref="ArchiveHash.FormatMetadata"/>. Unset (0, as JSON written before the property
    /// existed reads) means format 1.
    /// </summary>
    public int HashFormat { get; init => field = value == 0 ? ArchiveHash.FormatDocument : value; } = ArchiveHash.FormatDocument;

    /// <summary>When it was issued.</summary>
    public required Instant IssuedAt { get; init; }

    /// <summary>Hash of the previous document in the archive (64 zeros for the first).</summary>
    public required string PreviousHash { get; init; }

    /// <summary>SHA-256 over the previous hash, the numbering metadata and this document's canonical form, lower-case hex (<see cref="ArchiveHash"/>).</summary>
    public required string Hash { get; init; }

    /// <summary>The invoice number (BT-1).</summary>
    [JsonIgnore]
    public string Number => Document.Number!;
}
