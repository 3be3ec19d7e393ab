using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Invoicing.Core;

/// <summary>
/// An ISO 4217 currency (BT-5, BT-6) with its number of minor digits. Every amount of an invoice is
/// rounded to these digits, half away from zero, by <see cref="Round"/> and nowhere else.
/// </summary>
[JsonConverter(typeof(Json.CurrencyJsonConverter))]
public readonly record struct Currency
{
    private static readonly FrozenDictionary<string, int> MinorUnitsByCode = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["EUR"] = 2, ["USD"] = 2, ["GBP"] = 2, ["CHF"] = 2, ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2,
        ["PLN"] = 2, ["CZK"] = 2, ["HUF"] = 2, ["RON"] = 2, ["BGN"] = 2, ["CAD"] = 2, ["AUD"] = 2,
        ["NZD"] = 2, ["CNY"] = 2, ["HKD"] = 2, ["SGD"] = 2, ["INR"] = 2, ["MAD"] = 2, ["XOF"] = 0,
        ["XAF"] = 0, ["XPF"] = 0, ["BRL"] = 2, ["MXN"] = 2, ["ZAR"] = 2, ["TRY"] = 2, ["AED"] = 2,
        ["JPY"] = 0, ["KRW"] = 0, ["ISK"] = 0, ["CLP"] = 0, ["VND"] = 0,
        ["KWD"] = 3, ["BHD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3, ["LYD"] = 3, ["IQD"] = 3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private Currency(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    /// <summary>The three-letter ISO 4217 code, upper case.</summary>
    public string Code { get; }

    /// <summary>The number of digits after the decimal point (2 for EUR, 0 for JPY, 3 for KWD).</summary>
    public int MinorUnits { get; }

    /// <summary>The smallest amount, one minor unit (0.01 for EUR, 1 for JPY, 0.001 for KWD), exact.</summary>
    public decimal MinorUnit => new(1, 0, 0, false, (byte)MinorUnits);

    /// <summary>Euro.</summary>
    public static Currency Eur { get; } = new("EUR", 2);

    /// <summary>US dollar.</summary>
    public static Currency Usd { get; } = new("USD", 2);

    /// <summary>Yen (no minor unit).</summary>
    public static Currency Jpy { get; } = new("JPY", 0);

    /// <summary>Kuwaiti dinar (three minor digits).</summary>
    public static Currency Kwd { get; } = new("KWD", 3);

    /// <summary>Finds a currency by its ISO 4217 code.</summary>
    /// <exception cref="ArgumentException">The code is not a known ISO 4217 currency.</exception>
    public static Currency FromCode(string code) =>
        TryFromCode(code, out var currency)
            ? currency
            : throw new ArgumentException($"'{code}' is not a known ISO 4217 currency code.", nameof(code));

    /// <summary>Finds a currency by its ISO 4217 code; false when the code is unknown.</summary>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is not null && MinorUnitsByCode.TryGetValue(code.Trim().ToUpperInvariant(), out var minorUnits))
        {
            currency = new Currency(code.Trim().ToUpperInvariant(), minorUnits);
            return true;
        }

        currency = default;
        return false;
    }

    /// <summary>Whether this value was made from a code (the default value was not).</summary>
    [JsonIgnore]
    public bool IsDefined => Code is not null;

    /// <summary>Rounds an amount to the minor unit, half away from zero: the one rounding rule of the SDK.</summary>
    public decimal Round(decimal amount) => Math.Round(amount, MinorUnits, MidpointRounding.AwayFromZero);

    /// <summary>Whether <paramref name="amount"/> has no more digits than the minor unit allows.</summary>
    public bool IsRounded(decimal amount) => Round(amount) == amount;

    /// <inheritdoc />
    public override string ToString() => Code ?? string.Empty;
}
