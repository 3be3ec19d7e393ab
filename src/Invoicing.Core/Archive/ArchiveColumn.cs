using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core;

/// <summary>
/// A column a store keeps beside an issued document (a copy for lookups, or state derived from it), with the value read
/// from the row and the value of the sealed record it must equal; compared by <see cref="ArchiveChainVerifier.CheckColumns"/>.
/// Values are compared as text in one invariant form, so use the factory methods for typed values.
/// </summary>
/// <param name="Name">The column, as the schema names it (for example <c>accounts.customer_key</c>).</param>
/// <param name="Stored">What the row holds.</param>
/// <param name="Sealed">What the sealed record says.</param>
public readonly record struct ArchiveColumn(string Name, string? Stored, string? Sealed)
{
    /// <summary>Whether the row holds what the record says.</summary>
    public bool Matches => string.Equals(Stored, Sealed, StringComparison.Ordinal);

    /// <summary>A text column.</summary>
    public static ArchiveColumn Of(string name, string? stored, string? sealedValue) => new(name, stored, sealedValue);

    /// <summary>An integer column.</summary>
    public static ArchiveColumn Of(string name, long stored, long sealedValue) =>
        new(name, stored.ToString(CultureInfo.InvariantCulture), sealedValue.ToString(CultureInfo.InvariantCulture));

    /// <summary>A flag column.</summary>
    public static ArchiveColumn Of(string name, bool stored, bool sealedValue) => new(name, stored ? "true" : "false", sealedValue ? "true" : "false");

    /// <summary>An amount column: equal amounts match whatever their scale (149.96 and 149.960).</summary>
    public static ArchiveColumn Of(string name, decimal stored, decimal sealedValue) =>
        new(name, ArchiveMetadata.AmountText(stored), ArchiveMetadata.AmountText(sealedValue));

    /// <summary>A date column.</summary>
    public static ArchiveColumn Of(string name, LocalDate stored, LocalDate sealedValue) =>
        new(name, LocalDatePattern.Iso.Format(stored), LocalDatePattern.Iso.Format(sealedValue));

    /// <summary>An instant column.</summary>
    public static ArchiveColumn Of(string name, Instant stored, Instant sealedValue) =>
        new(name, InstantPattern.ExtendedIso.Format(stored), InstantPattern.ExtendedIso.Format(sealedValue));
}
