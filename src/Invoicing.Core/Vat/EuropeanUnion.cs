using System.Collections.Frozen;

namespace Invoicing.Core;

/// <summary>The member states of the European Union (ISO 3166-1 alpha-2; Greece also as <c>EL</c>, its VAT prefix).</summary>
public static class EuropeanUnion
{
    private static readonly FrozenSet<string> Members = new[]
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "EL", "HR", "HU", "IE", "IT",
        "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="countryCode"/> is an EU member state (case-insensitive).</summary>
    public static bool IsMember(string? countryCode) =>
        countryCode is not null && Members.Contains(countryCode.Trim().ToUpperInvariant());
}
