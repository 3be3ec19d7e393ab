using static Invoicing.Core.Validation.IssueCollector;

namespace Invoicing.Core.Validation;

/// <summary>
/// EN 16931 BR-DEC-*: stated amounts have at most the currency's minor digits (2 for EUR, 0 for JPY, 3 for KWD;
/// EN 16931 itself says 2). Computed amounts are rounded by the calculator and need no check.
/// </summary>
internal static class DecimalRules
{
    public static void Check(Invoice invoice, IssueCollector issues)
    {
        var currency = invoice.Currency;
        if (!currency.IsDefined)
        {
            return;
        }

        for (var i = 0; i < invoice.AllowancesCharges.Count; i++)
        {
            if (invoice.AllowancesCharges[i] is not { } item)
            {
                continue;
            }

            var path = At("allowancesCharges", i);
            Check(currency, item.Amount, path + ".amount", item.IsCharge ? "BR-DEC-05" : "BR-DEC-01", item.IsCharge ? "BT-99" : "BT-92", issues);
            Check(currency, item.BaseAmount, path + ".baseAmount", item.IsCharge ? "BR-DEC-06" : "BR-DEC-02", item.IsCharge ? "BT-100" : "BT-93", issues);
        }

        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            if (invoice.Lines[i] is not { } line)
            {
                continue;
            }

            for (var j = 0; j < line.AllowancesCharges.Count; j++)
            {
                if (line.AllowancesCharges[j] is not { } item)
                {
                    continue;
                }

                var path = At(At("lines", i) + ".allowancesCharges", j);
                Check(currency, item.Amount, path + ".amount", item.IsCharge ? "BR-DEC-27" : "BR-DEC-24", item.IsCharge ? "BT-141" : "BT-136", issues);
                Check(currency, item.BaseAmount, path + ".baseAmount", item.IsCharge ? "BR-DEC-28" : "BR-DEC-25", item.IsCharge ? "BT-142" : "BT-137", issues);
            }
        }

        if (invoice.VatAccountingCurrency is { IsDefined: true } accounting)
        {
            Check(accounting, invoice.VatTotalInAccountingCurrency, "vatTotalInAccountingCurrency", "BR-DEC-15", "BT-111", issues);
        }

        Check(currency, invoice.PrepaidAmount, "prepaidAmount", "BR-DEC-16", "BT-113", issues);
        Check(currency, invoice.RoundingAmount, "roundingAmount", "BR-DEC-17", "BT-114", issues);
    }

    private static void Check(Currency currency, decimal? amount, string path, string rule, string term, IssueCollector issues)
    {
        if (amount is { } value && !currency.IsRounded(value))
        {
            issues.Error(rule, path, $"The amount {term} shall have at most {currency.MinorUnits} decimals in {currency.Code}; {Amount(value)} has more.");
        }
    }
}
