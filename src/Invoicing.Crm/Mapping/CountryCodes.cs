using System.Collections.Frozen;
using System.Globalization;

namespace Invoicing.Crm;

/// <summary>
/// Reads a CRM's country field: an ISO 3166-1 alpha-2 code, or a country name in English or in the country's own
/// language ("France", "Deutschland"), as CRMs keep it. Null when it is neither, so the validator names the field.
/// </summary>
internal static class CountryCodes
{
    private static readonly FrozenDictionary<string, string> ByName = Build();

    public static string? Resolve(string? country)
    {
        var text = country?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length == 2 && char.IsAsciiLetter(text[0]) && char.IsAsciiLetter(text[1]))
        {
            return text.ToUpperInvariant();
        }

        return ByName.TryGetValue(text, out var code) ? code : null;
    }

    private static FrozenDictionary<string, string> Build()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (region.TwoLetterISORegionName.Length != 2 || !region.TwoLetterISORegionName.All(char.IsAsciiLetterUpper))
            {
                continue;
            }

            names.TryAdd(region.EnglishName, region.TwoLetterISORegionName);
            names.TryAdd(region.NativeName, region.TwoLetterISORegionName);
            names.TryAdd(region.ThreeLetterISORegionName, region.TwoLetterISORegionName);
        }

        return names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
