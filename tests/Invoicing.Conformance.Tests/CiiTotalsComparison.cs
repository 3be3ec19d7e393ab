using System.Globalization;
using Invoicing.Core;

namespace Invoicing.Conformance.Tests;

/// <summary>Every difference between stated and recomputed totals, each as one readable line.</summary>
internal static class CiiTotalsComparison
{
    public static List<string> Differences(InvoiceTotals stated, InvoiceTotals computed)
    {
        var differences = new List<string>();
        void Compare(string term, decimal s, decimal c)
        {
            if (s != c)
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{term}: stated {s}, computed {c}"));
            }
        }

        for (var i = 0; i < Math.Max(stated.LineNetAmounts.Count, computed.LineNetAmounts.Count); i++)
        {
            Compare($"BT-131 line {i + 1}", i < stated.LineNetAmounts.Count ? stated.LineNetAmounts[i] : -1m, i < computed.LineNetAmounts.Count ? computed.LineNetAmounts[i] : -1m);
        }

        Compare("BT-106", stated.LineNetTotal, computed.LineNetTotal);
        Compare("BT-107", stated.AllowanceTotal ?? 0m, computed.AllowanceTotal ?? 0m);
        Compare("BT-108", stated.ChargeTotal ?? 0m, computed.ChargeTotal ?? 0m);
        Compare("BT-109", stated.TaxExclusiveAmount, computed.TaxExclusiveAmount);
        Compare("BT-110", stated.VatTotal, computed.VatTotal);
        Compare("BT-112", stated.TaxInclusiveAmount, computed.TaxInclusiveAmount);
        Compare("BT-113", stated.PrepaidAmount ?? 0m, computed.PrepaidAmount ?? 0m);
        Compare("BT-114", stated.RoundingAmount ?? 0m, computed.RoundingAmount ?? 0m);
        Compare("BT-115", stated.AmountDue, computed.AmountDue);
        if (stated.VatBreakdown.Count != computed.VatBreakdown.Count)
        {
            differences.Add($"BG-23: {stated.VatBreakdown.Count} rows stated, {computed.VatBreakdown.Count} computed");
        }

        foreach (var row in computed.VatBreakdown)
        {
            var match = stated.VatBreakdown.FirstOrDefault(s => s.Category == row.Category && (s.Rate ?? 0m) == (row.Rate ?? 0m));
            var key = string.Create(CultureInfo.InvariantCulture, $"{row.Category} {row.Rate}");
            if (match is null)
            {
                differences.Add($"BG-23 {key}: not stated");
                continue;
            }

            Compare($"BT-116 {key}", match.TaxableAmount, row.TaxableAmount);
            Compare($"BT-117 {key}", match.TaxAmount, row.TaxAmount);
            if (match.ExemptionReasonCode != row.ExemptionReasonCode || match.ExemptionReason != row.ExemptionReason)
            {
                differences.Add($"BT-120/121 {key}: stated {match.ExemptionReasonCode}/{match.ExemptionReason}, computed {row.ExemptionReasonCode}/{row.ExemptionReason}");
            }
        }

        return differences;
    }
}
