using Invoicing.Core;

namespace Invoicing.France;

/// <summary>
/// Splits a payment over the invoice's VAT rates, as status 212 reports it (one amount cashed per rate, VAT
/// included): in proportion to each rate's amount with VAT, each share rounded to the currency's minor unit, the
/// remainder on the largest so the shares add up to the payment exactly. Pure.
/// </summary>
internal static class CashedAmounts
{
    public static IReadOnlyList<(decimal Rate, decimal Amount)> Split(InvoiceTotals totals, decimal paid, Currency currency)
    {
        var groups = totals.VatBreakdown
            .GroupBy(row => row.Rate ?? 0m)
            .Select(group => (Rate: group.Key, Gross: group.Sum(row => row.TaxableAmount + row.TaxAmount)))
            .OrderBy(group => group.Rate)
            .ToList();
        var whole = groups.Sum(group => group.Gross);
        if (groups.Count == 0 || whole == 0m)
        {
            return [(groups.Count == 0 ? 0m : groups[^1].Rate, paid)];
        }

        var shares = groups.Select(group => (group.Rate, Amount: currency.Round(paid * group.Gross / whole))).ToList();
        var largest = groups.IndexOf(groups.MaxBy(group => Math.Abs(group.Gross)));
        shares[largest] = (shares[largest].Rate, shares[largest].Amount + paid - shares.Sum(share => share.Amount));
        return shares;
    }
}
