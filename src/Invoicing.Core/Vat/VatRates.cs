using System.Globalization;
using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// Dated VAT rate tables for FR, DE, BE, ES, IT and NL, with the historical changes since the table start
/// (for example the German 16 % and 5 % of 2020-07-01..2020-12-31). A date before a table's first entry has no rate.
/// </summary>
public static class VatRates
{
    private static readonly VatRate[] Table =
    [
        // France: 19.6 % and 5.5 % from 2000-04-01; 7 % created 2012-01-01; 20 % and 10 % since 2014-01-01.
        Rate("FR", VatRateKind.Standard, 19.6m, 2000, 4, 1, (2013, 12, 31)),
        Rate("FR", VatRateKind.Standard, 20m, 2014, 1, 1),
        Rate("FR", VatRateKind.Intermediate, 7m, 2012, 1, 1, (2013, 12, 31)),
        Rate("FR", VatRateKind.Intermediate, 10m, 2014, 1, 1),
        Rate("FR", VatRateKind.Reduced, 5.5m, 2000, 4, 1),
        Rate("FR", VatRateKind.SuperReduced, 2.1m, 2000, 4, 1),

        // Germany: 19 % / 7 % since 2007, lowered to 16 % / 5 % for the second half of 2020.
        Rate("DE", VatRateKind.Standard, 16m, 1998, 4, 1, (2006, 12, 31)),
        Rate("DE", VatRateKind.Standard, 19m, 2007, 1, 1, (2020, 6, 30)),
        Rate("DE", VatRateKind.Standard, 16m, 2020, 7, 1, (2020, 12, 31)),
        Rate("DE", VatRateKind.Standard, 19m, 2021, 1, 1),
        Rate("DE", VatRateKind.Reduced, 7m, 1998, 4, 1, (2020, 6, 30)),
        Rate("DE", VatRateKind.Reduced, 5m, 2020, 7, 1, (2020, 12, 31)),
        Rate("DE", VatRateKind.Reduced, 7m, 2021, 1, 1),

        // Belgium: 21 %, 12 %, 6 % since 1996.
        Rate("BE", VatRateKind.Standard, 21m, 1996, 1, 1),
        Rate("BE", VatRateKind.Intermediate, 12m, 1996, 1, 1),
        Rate("BE", VatRateKind.Reduced, 6m, 1996, 1, 1),

        // Spain: 16/7/4 until 2010-06-30, 18/8 until 2012-08-31, 21/10 since 2012-09-01.
        Rate("ES", VatRateKind.Standard, 16m, 1995, 1, 1, (2010, 6, 30)),
        Rate("ES", VatRateKind.Standard, 18m, 2010, 7, 1, (2012, 8, 31)),
        Rate("ES", VatRateKind.Standard, 21m, 2012, 9, 1),
        Rate("ES", VatRateKind.Reduced, 7m, 1995, 1, 1, (2010, 6, 30)),
        Rate("ES", VatRateKind.Reduced, 8m, 2010, 7, 1, (2012, 8, 31)),
        Rate("ES", VatRateKind.Reduced, 10m, 2012, 9, 1),
        Rate("ES", VatRateKind.SuperReduced, 4m, 1995, 1, 1),

        // Italy: 20 % until 2011-09-16, 21 % until 2013-09-30, 22 % since; 5 % created 2016-01-01.
        Rate("IT", VatRateKind.Standard, 20m, 1997, 10, 1, (2011, 9, 16)),
        Rate("IT", VatRateKind.Standard, 21m, 2011, 9, 17, (2013, 9, 30)),
        Rate("IT", VatRateKind.Standard, 22m, 2013, 10, 1),
        Rate("IT", VatRateKind.Intermediate, 10m, 1997, 10, 1),
        Rate("IT", VatRateKind.Reduced, 5m, 2016, 1, 1),
        Rate("IT", VatRateKind.SuperReduced, 4m, 1997, 10, 1),

        // Netherlands: 19 % until 2012-09-30, 21 % since; reduced 6 % until 2018-12-31, 9 % since.
        Rate("NL", VatRateKind.Standard, 19m, 2001, 1, 1, (2012, 9, 30)),
        Rate("NL", VatRateKind.Standard, 21m, 2012, 10, 1),
        Rate("NL", VatRateKind.Reduced, 6m, 2001, 1, 1, (2018, 12, 31)),
        Rate("NL", VatRateKind.Reduced, 9m, 2019, 1, 1),
    ];

    /// <summary>Every rate of every table, in table order.</summary>
    public static IReadOnlyList<VatRate> All { get; } = Array.AsReadOnly(Table);

    /// <summary>The countries that have a table.</summary>
    public static IReadOnlyList<string> Countries { get; } = Table.Select(r => r.CountryCode).Distinct().ToArray();

    /// <summary>The rate of <paramref name="kind"/> in <paramref name="countryCode"/> on <paramref name="date"/>.</summary>
    /// <exception cref="InvoiceValidationException">No rate applies: unknown country, no such kind there, or a date outside the table.</exception>
    public static VatRate Find(string? countryCode, VatRateKind kind, LocalDate date)
    {
        if (TryFind(countryCode, kind, date, out var rate))
        {
            return rate;
        }

        var country = countryCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(country) || !Countries.Contains(country, StringComparer.Ordinal))
        {
            throw new InvoiceValidationException(ValidationIssue.Error(
                "VAT-RATE-COUNTRY", "countryCode", $"There is no VAT rate table for country '{countryCode}' (tables: {string.Join(", ", Countries)})."));
        }

        if (!Enum.IsDefined(kind) || !Table.Any(r => r.CountryCode == country && r.Kind == kind))
        {
            throw new InvoiceValidationException(ValidationIssue.Error(
                "VAT-RATE-KIND", "kind", $"{country} has no {kind} VAT rate."));
        }

        throw new InvoiceValidationException(ValidationIssue.Error(
            "VAT-RATE-DATE", "date", string.Create(CultureInfo.InvariantCulture, $"No {kind} VAT rate of {country} applies on {date:yyyy-MM-dd}.")));
    }

    /// <summary>Finds the rate; false when none applies.</summary>
    public static bool TryFind(string? countryCode, VatRateKind kind, LocalDate date, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out VatRate? rate)
    {
        var country = countryCode?.Trim().ToUpperInvariant();
        foreach (var candidate in Table)
        {
            if (candidate.CountryCode == country && candidate.Kind == kind && candidate.AppliesOn(date))
            {
                rate = candidate;
                return true;
            }
        }

        rate = null;
        return false;
    }

    /// <summary>The rates of <paramref name="countryCode"/> in force on <paramref name="date"/>, empty when it has no table.</summary>
    public static IReadOnlyList<VatRate> InForce(string? countryCode, LocalDate date)
    {
        var country = countryCode?.Trim().ToUpperInvariant();
        return Table.Where(r => r.CountryCode == country && r.AppliesOn(date)).ToArray();
    }

    private static VatRate Rate(string country, VatRateKind kind, decimal percent, int year, int month, int day, (int Year, int Month, int Day)? to = null) =>
        new(country, kind, percent, new LocalDate(year, month, day), to is { } end ? new LocalDate(end.Year, end.Month, end.Day) : null);
}
