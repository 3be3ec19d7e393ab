using NodaTime;

namespace Invoicing.Core;

/// <summary>A VAT rate of a country, valid over an interval of days.</summary>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code of the country.</param>
/// <param name="Kind">Which of the country's rates this is.</param>
/// <param name="Percent">The rate in percent (BT-152), for example 20 or 5.5.</param>
/// <param name="ValidFrom">First day the rate applies.</param>
/// <param name="ValidTo">Last day the rate applies; null while it is in force.</param>
public sealed record VatRate(string CountryCode, VatRateKind Kind, decimal Percent, LocalDate ValidFrom, LocalDate? ValidTo)
{
    /// <summary>Whether the rate applies on <paramref name="date"/> (both ends included).</summary>
    public bool AppliesOn(LocalDate date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo.Value);
}
