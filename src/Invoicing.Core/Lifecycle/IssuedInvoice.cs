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

    /// <summary>When it was issued.</summary>
    public required Instant IssuedAt { get; init; }

    /// <summary>Hash of the previous document in the archive (64 zeros for the first).</summary>
    public required string PreviousHash { get; init; }

    /// <summary>SHA-256 over the previous hash and this document's canonical form, lower-case hex.</summary>
    public required string Hash { get; init; }

    /// <summary>The invoice number (BT-1).</summary>
    [JsonIgnore]
    public string Number => Document.Number!;
}
