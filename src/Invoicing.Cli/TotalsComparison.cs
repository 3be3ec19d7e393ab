using System.Globalization;
using Invoicing.Core;

namespace Invoicing.Cli;

/// <summary>Compares the totals a document states with the ones recomputed from its lines.</summary>
internal static class TotalsComparison
{
    /// <summary>Each term whose stated value differs from the computed one, as <c>BT-112 stated 100.00, computed 100.01</c>.</summary>
    public static IReadOnlyList<string> Differences(InvoiceTotals stated, InvoiceTotals computed)
    {
        var differences = new List<string>();
        Compare(differences, "BT-106", stated.LineNetTotal, computed.LineNetTotal);
        Compare(differences, "BT-107", stated.AllowanceTotal ?? 0m, computed.AllowanceTotal ?? 0m);
        Compare(differences, "BT-108", stated.ChargeTotal ?? 0m, computed.ChargeTotal ?? 0m);
        Compare(differences, "BT-109", stated.TaxExclusiveAmount, computed.TaxExclusiveAmount);
        Compare(differences, "BT-110", stated.VatTotal, computed.VatTotal);
        Compare(differences, "BT-112", stated.TaxInclusiveAmount, computed.TaxInclusiveAmount);
        Compare(differences, "BT-115", stated.AmountDue, computed.AmountDue);
        foreach (var row in computed.VatBreakdown)
        {
            var match = stated.VatBreakdown.FirstOrDefault(s => s.Category == row.Category && s.Rate == row.Rate);
            var key = string.Create(CultureInfo.InvariantCulture, $"{row.Category.Code()} {row.Rate:0.##}");
            if (match is null)
            {
                differences.Add($"VAT breakdown {key} not stated");
                continue;
            }

            Compare(differences, $"BT-116 ({key})", match.TaxableAmount, row.TaxableAmount);
            Compare(differences, $"BT-117 ({key})", match.TaxAmount, row.TaxAmount);
        }

        return differences;
    }

    private static void Compare(List<string> differences, string term, decimal stated, decimal computed)
    {
        if (stated != computed)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{term} stated {stated}, computed {computed}"));
        }
    }
}
