using System.Globalization;
using Invoicing.Core;

namespace Invoicing.Cli;

/// <summary>Compares the totals a document states with the ones recomputed from its lines.</summary>
/// <remarks>
/// A stated VAT amount (BT-117) one minor unit away from the one recomputed on the same taxable amount is not an error:
/// EN 16931's BR-CO-17 allows it, and an invoice priced with VAT included states exactly that (its VAT is the group's
/// total with VAT minus the base, so that its grand total is the sum of the prices shown). Such a row is reported
/// apart, and BT-110, BT-112 and BT-115 are compared with the stated VAT of those rows.
/// </remarks>
internal static class TotalsComparison
{
    /// <summary>
    /// Each term whose stated value differs from the computed one, as <c>BT-112 stated 100.00, computed 100.01</c>, and
    /// each VAT amount one minor unit away that BR-CO-17 allows.
    /// </summary>
    public static (IReadOnlyList<string> Differences, IReadOnlyList<string> AllowedVatRounding) Compare(InvoiceTotals stated, InvoiceTotals computed, Currency currency)
    {
        var unit = currency.IsDefined ? currency.MinorUnit : 0m;
        var rows = new List<string>();
        var rounding = new List<string>();
        var shift = 0m;
        foreach (var row in computed.VatBreakdown)
        {
            var match = stated.VatBreakdown.FirstOrDefault(s => s.Category == row.Category && s.Rate == row.Rate);
            var key = string.Create(CultureInfo.InvariantCulture, $"{row.Category.Code()} {row.Rate:0.##}");
            if (match is null)
            {
                rows.Add($"VAT breakdown {key} not stated");
                continue;
            }

            Compare(rows, $"BT-116 ({key})", match.TaxableAmount, row.TaxableAmount);
            var vat = match.TaxAmount - row.TaxAmount;
            if (vat != 0m && match.TaxableAmount == row.TaxableAmount && Math.Abs(vat) <= unit)
            {
                shift += vat;
                Compare(rounding, $"BT-117 ({key})", match.TaxAmount, row.TaxAmount);
            }
            else
            {
                Compare(rows, $"BT-117 ({key})", match.TaxAmount, row.TaxAmount);
            }
        }

        var differences = new List<string>();
        Compare(differences, "BT-106", stated.LineNetTotal, computed.LineNetTotal);
        Compare(differences, "BT-107", stated.AllowanceTotal ?? 0m, computed.AllowanceTotal ?? 0m);
        Compare(differences, "BT-108", stated.ChargeTotal ?? 0m, computed.ChargeTotal ?? 0m);
        Compare(differences, "BT-109", stated.TaxExclusiveAmount, computed.TaxExclusiveAmount);
        Compare(differences, "BT-110", stated.VatTotal, computed.VatTotal + shift);
        Compare(differences, "BT-112", stated.TaxInclusiveAmount, computed.TaxInclusiveAmount + shift);
        Compare(differences, "BT-115", stated.AmountDue, computed.AmountDue + shift);
        differences.AddRange(rows);
        return (differences, rounding);
    }

    private static void Compare(List<string> differences, string term, decimal stated, decimal computed)
    {
        if (stated != computed)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{term} stated {stated}, computed {computed}"));
        }
    }
}
