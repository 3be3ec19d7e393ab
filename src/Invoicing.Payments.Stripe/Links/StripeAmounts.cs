using Invoicing.Core;

namespace Invoicing.Payments.Stripe;

/// <summary>
/// Amounts as Stripe counts them: an integer of the currency's minor unit (cents for EUR, yen for JPY), and the currency
/// code in lower case. The one place where the SDK's decimal amounts and Stripe's integers meet.
/// </summary>
internal static class StripeAmounts
{
    /// <summary>The amount in minor units; the amount must already be rounded to the currency.</summary>
    /// <exception cref="ArgumentException">The amount has more decimals than the currency allows.</exception>
    public static long ToMinorUnits(decimal amount, Currency currency) =>
        currency.IsRounded(amount)
            ? checked((long)(amount / currency.MinorUnit))
            : throw new ArgumentException($"The amount has more decimals than {currency} allows.", nameof(amount));

    /// <summary>The decimal amount of <paramref name="minorUnits"/>, exact.</summary>
    public static decimal FromMinorUnits(long minorUnits, Currency currency) => minorUnits * currency.MinorUnit;

    /// <summary>Stripe's spelling of the currency: the ISO 4217 code in lower case.</summary>
    public static string Code(Currency currency) => currency.Code.ToLowerInvariant();
}
