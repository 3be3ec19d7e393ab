namespace Invoicing.Core;

/// <summary>Checks of French company identifiers: SIREN (9 digits), SIRET (14 digits), both with the Luhn key, and the VAT key.</summary>
public static class FrenchIdentifiers
{
    /// <summary>Whether <paramref name="siren"/> is 9 digits with a valid Luhn key (spaces ignored).</summary>
    public static bool IsValidSiren(string? siren) => Digits(siren) is { Length: 9 } digits && Luhn(digits);

    /// <summary>Whether <paramref name="siret"/> is 14 digits with a valid Luhn key and a valid SIREN in front (spaces ignored).</summary>
    public static bool IsValidSiret(string? siret) => Digits(siret) is { Length: 14 } digits && Luhn(digits) && Luhn(digits[..9]);

    /// <summary>The SIREN of a SIREN or a SIRET (its first 9 digits); null when it is neither.</summary>
    public static string? SirenOf(string? sirenOrSiret) => Digits(sirenOrSiret) switch
    {
        { Length: 9 } siren => siren,
        { Length: 14 } siret => siret[..9],
        _ => null,
    };

    /// <summary>The French VAT identifier of a SIREN: <c>FR</c> + key (12 + 3 x (SIREN mod 97)) mod 97 + SIREN.</summary>
    public static string? VatIdOf(string? siren)
    {
        if (Digits(siren) is not { Length: 9 } digits)
        {
            return null;
        }

        var number = long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        var key = (12 + (3 * (number % 97))) % 97;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"FR{key:00}{digits}");
    }

    private static string? Digits(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var compact = value.Replace(" ", string.Empty, StringComparison.Ordinal);
        return compact.Length > 0 && compact.All(char.IsAsciiDigit) ? compact : null;
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
