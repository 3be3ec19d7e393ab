namespace Invoicing.Core.Validation;

/// <summary>Small string tests shared by the rules.</summary>
internal static class Text
{
    public static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    public static bool IsCountryCode(string? code) =>
        code is { Length: 2 } && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]);

    public static string? CountryOf(Party? party) => party?.Address?.CountryCode?.Trim().ToUpperInvariant();
}
