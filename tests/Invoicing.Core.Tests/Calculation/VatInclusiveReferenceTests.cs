using NodaTime;

namespace Invoicing.Core.Tests.Calculation;

/// <summary>
/// Invoices priced with VAT included against figures computed apart from this code base: the table below was computed
/// with Python's decimal module (60 significant digits, ROUND_HALF_UP, which rounds half away from zero) by a short
/// script that follows the method of docs/invoice-json.md, "Prices with VAT included": per (category, rate) group, the
/// VAT-inclusive amounts are rounded and summed to G, the taxable base is round(G / (1 + rate / 100)), the VAT is G
/// minus the base, and the base is shared out over the amounts by largest remainder (which gives BT-106 when there are
/// document-level allowances or charges). Each row: the lines (count of identical lines, quantity, VAT-inclusive
/// price, category, rate, an optional VAT-inclusive line allowance), the document-level allowances and charges, then
/// the expected BT-106, BT-109, BT-110 and BT-112.
/// </summary>
public sealed class VatInclusiveReferenceTests
{
    public sealed record Lines(int Count, decimal Quantity, decimal Price, VatCategory Category, decimal Rate, decimal? LineAllowance = null);

    public sealed record DocumentLevel(bool IsCharge, decimal Amount, decimal Rate);

    public sealed record Case(Lines[] Lines, DocumentLevel[] DocumentLevel, decimal LineNetTotal, decimal TaxExclusive, decimal VatTotal, decimal TaxInclusive);

    private static readonly Dictionary<string, Case> Cases = new(StringComparer.Ordinal)
    {
        ["1 x 0.99 at 5.5 %"] = new([new(1, 1m, 0.99m, VatCategory.S, 5.5m)], [], 0.94m, 0.94m, 0.05m, 0.99m),
        ["2 x 0.99 at 5.5 %"] = new([new(2, 1m, 0.99m, VatCategory.S, 5.5m)], [], 1.88m, 1.88m, 0.10m, 1.98m),
        ["3 x 0.99 at 5.5 %"] = new([new(3, 1m, 0.99m, VatCategory.S, 5.5m)], [], 2.82m, 2.82m, 0.15m, 2.97m),
        ["4 x 0.99 at 5.5 %"] = new([new(4, 1m, 0.99m, VatCategory.S, 5.5m)], [], 3.75m, 3.75m, 0.21m, 3.96m),
        ["5 x 0.99 at 5.5 %"] = new([new(5, 1m, 0.99m, VatCategory.S, 5.5m)], [], 4.69m, 4.69m, 0.26m, 4.95m),
        ["6 x 0.99 at 5.5 %"] = new([new(6, 1m, 0.99m, VatCategory.S, 5.5m)], [], 5.63m, 5.63m, 0.31m, 5.94m),
        ["7 x 0.99 at 5.5 %"] = new([new(7, 1m, 0.99m, VatCategory.S, 5.5m)], [], 6.57m, 6.57m, 0.36m, 6.93m),
        ["10 x 0.99 at 5.5 %"] = new([new(10, 1m, 0.99m, VatCategory.S, 5.5m)], [], 9.38m, 9.38m, 0.52m, 9.90m),
        ["11 x 0.99 at 5.5 %"] = new([new(11, 1m, 0.99m, VatCategory.S, 5.5m)], [], 10.32m, 10.32m, 0.57m, 10.89m),
        ["33 x 0.99 at 5.5 %"] = new([new(33, 1m, 0.99m, VatCategory.S, 5.5m)], [], 30.97m, 30.97m, 1.70m, 32.67m),
        ["99 x 0.99 at 5.5 %"] = new([new(99, 1m, 0.99m, VatCategory.S, 5.5m)], [], 92.90m, 92.90m, 5.11m, 98.01m),
        ["100 x 0.99 at 5.5 %"] = new([new(100, 1m, 0.99m, VatCategory.S, 5.5m)], [], 93.84m, 93.84m, 5.16m, 99.00m),
        ["101 x 0.99 at 5.5 %"] = new([new(101, 1m, 0.99m, VatCategory.S, 5.5m)], [], 94.78m, 94.78m, 5.21m, 99.99m),
        ["150 x 0.99 at 5.5 %"] = new([new(150, 1m, 0.99m, VatCategory.S, 5.5m)], [], 140.76m, 140.76m, 7.74m, 148.50m),
        ["199 x 0.99 at 5.5 %"] = new([new(199, 1m, 0.99m, VatCategory.S, 5.5m)], [], 186.74m, 186.74m, 10.27m, 197.01m),
        ["200 x 0.99 at 5.5 %"] = new([new(200, 1m, 0.99m, VatCategory.S, 5.5m)], [], 187.68m, 187.68m, 10.32m, 198.00m),
        ["1 x 0.99 at 10 %"] = new([new(1, 1m, 0.99m, VatCategory.S, 10m)], [], 0.90m, 0.90m, 0.09m, 0.99m),
        ["2 x 0.99 at 10 %"] = new([new(2, 1m, 0.99m, VatCategory.S, 10m)], [], 1.80m, 1.80m, 0.18m, 1.98m),
        ["3 x 0.99 at 10 %"] = new([new(3, 1m, 0.99m, VatCategory.S, 10m)], [], 2.70m, 2.70m, 0.27m, 2.97m),
        ["4 x 0.99 at 10 %"] = new([new(4, 1m, 0.99m, VatCategory.S, 10m)], [], 3.60m, 3.60m, 0.36m, 3.96m),
        ["5 x 0.99 at 10 %"] = new([new(5, 1m, 0.99m, VatCategory.S, 10m)], [], 4.50m, 4.50m, 0.45m, 4.95m),
        ["6 x 0.99 at 10 %"] = new([new(6, 1m, 0.99m, VatCategory.S, 10m)], [], 5.40m, 5.40m, 0.54m, 5.94m),
        ["7 x 0.99 at 10 %"] = new([new(7, 1m, 0.99m, VatCategory.S, 10m)], [], 6.30m, 6.30m, 0.63m, 6.93m),
        ["10 x 0.99 at 10 %"] = new([new(10, 1m, 0.99m, VatCategory.S, 10m)], [], 9.00m, 9.00m, 0.90m, 9.90m),
        ["11 x 0.99 at 10 %"] = new([new(11, 1m, 0.99m, VatCategory.S, 10m)], [], 9.90m, 9.90m, 0.99m, 10.89m),
        ["33 x 0.99 at 10 %"] = new([new(33, 1m, 0.99m, VatCategory.S, 10m)], [], 29.70m, 29.70m, 2.97m, 32.67m),
        ["99 x 0.99 at 10 %"] = new([new(99, 1m, 0.99m, VatCategory.S, 10m)], [], 89.10m, 89.10m, 8.91m, 98.01m),
        ["100 x 0.99 at 10 %"] = new([new(100, 1m, 0.99m, VatCategory.S, 10m)], [], 90.00m, 90.00m, 9.00m, 99.00m),
        ["101 x 0.99 at 10 %"] = new([new(101, 1m, 0.99m, VatCategory.S, 10m)], [], 90.90m, 90.90m, 9.09m, 99.99m),
        ["150 x 0.99 at 10 %"] = new([new(150, 1m, 0.99m, VatCategory.S, 10m)], [], 135.00m, 135.00m, 13.50m, 148.50m),
        ["199 x 0.99 at 10 %"] = new([new(199, 1m, 0.99m, VatCategory.S, 10m)], [], 179.10m, 179.10m, 17.91m, 197.01m),
        ["200 x 0.99 at 10 %"] = new([new(200, 1m, 0.99m, VatCategory.S, 10m)], [], 180.00m, 180.00m, 18.00m, 198.00m),
        ["1 x 0.99 at 20 %"] = new([new(1, 1m, 0.99m, VatCategory.S, 20m)], [], 0.83m, 0.83m, 0.16m, 0.99m),
        ["2 x 0.99 at 20 %"] = new([new(2, 1m, 0.99m, VatCategory.S, 20m)], [], 1.65m, 1.65m, 0.33m, 1.98m),
        ["3 x 0.99 at 20 %"] = new([new(3, 1m, 0.99m, VatCategory.S, 20m)], [], 2.48m, 2.48m, 0.49m, 2.97m),
        ["4 x 0.99 at 20 %"] = new([new(4, 1m, 0.99m, VatCategory.S, 20m)], [], 3.30m, 3.30m, 0.66m, 3.96m),
        ["5 x 0.99 at 20 %"] = new([new(5, 1m, 0.99m, VatCategory.S, 20m)], [], 4.13m, 4.13m, 0.82m, 4.95m),
        ["6 x 0.99 at 20 %"] = new([new(6, 1m, 0.99m, VatCategory.S, 20m)], [], 4.95m, 4.95m, 0.99m, 5.94m),
        ["7 x 0.99 at 20 %"] = new([new(7, 1m, 0.99m, VatCategory.S, 20m)], [], 5.78m, 5.78m, 1.15m, 6.93m),
        ["10 x 0.99 at 20 %"] = new([new(10, 1m, 0.99m, VatCategory.S, 20m)], [], 8.25m, 8.25m, 1.65m, 9.90m),
        ["11 x 0.99 at 20 %"] = new([new(11, 1m, 0.99m, VatCategory.S, 20m)], [], 9.08m, 9.08m, 1.81m, 10.89m),
        ["33 x 0.99 at 20 %"] = new([new(33, 1m, 0.99m, VatCategory.S, 20m)], [], 27.23m, 27.23m, 5.44m, 32.67m),
        ["99 x 0.99 at 20 %"] = new([new(99, 1m, 0.99m, VatCategory.S, 20m)], [], 81.68m, 81.68m, 16.33m, 98.01m),
        ["100 x 0.99 at 20 %"] = new([new(100, 1m, 0.99m, VatCategory.S, 20m)], [], 82.50m, 82.50m, 16.50m, 99.00m),
        ["101 x 0.99 at 20 %"] = new([new(101, 1m, 0.99m, VatCategory.S, 20m)], [], 83.33m, 83.33m, 16.66m, 99.99m),
        ["150 x 0.99 at 20 %"] = new([new(150, 1m, 0.99m, VatCategory.S, 20m)], [], 123.75m, 123.75m, 24.75m, 148.50m),
        ["199 x 0.99 at 20 %"] = new([new(199, 1m, 0.99m, VatCategory.S, 20m)], [], 164.18m, 164.18m, 32.83m, 197.01m),
        ["200 x 0.99 at 20 %"] = new([new(200, 1m, 0.99m, VatCategory.S, 20m)], [], 165.00m, 165.00m, 33.00m, 198.00m),
        ["1, 10 and 100 lines of 0.99 at each rate"] = new([new(1, 1m, 0.99m, VatCategory.S, 5.5m), new(10, 1m, 0.99m, VatCategory.S, 10m), new(100, 1m, 0.99m, VatCategory.S, 20m)], [], 92.44m, 92.44m, 17.45m, 109.89m),
        ["7 lines of 3 x 0.99 at 20 %"] = new([new(7, 3m, 0.99m, VatCategory.S, 20m)], [], 17.33m, 17.33m, 3.46m, 20.79m),
        ["50 credited lines of -1 x 0.99 at 5.5 %"] = new([new(50, -1m, 0.99m, VatCategory.S, 5.5m)], [], -46.92m, -46.92m, -2.58m, -49.50m),
        ["13 x 0.99 at 20 % less 1.00 and plus 4.90 at 20 %"] = new([new(13, 1m, 0.99m, VatCategory.S, 20m)], [new(false, 1.00m, 20m), new(true, 4.90m, 20m)], 10.73m, 13.98m, 2.79m, 16.77m),
        ["10 x 0.99 at 10 % each less 0.10"] = new([new(10, 1m, 0.99m, VatCategory.S, 10m, 0.10m)], [], 8.09m, 8.09m, 0.81m, 8.90m),
        ["10 x 0.99 exempt and 10 x 0.99 at 20 %"] = new([new(10, 1m, 0.99m, VatCategory.E, 0m), new(10, 1m, 0.99m, VatCategory.S, 20m)], [], 18.15m, 18.15m, 1.65m, 19.80m),
        ["21 x 1.99 at 5.5 % and 17 x 0.99 at 10 %, 2.50 off at 10 %"] = new([new(21, 1m, 1.99m, VatCategory.S, 5.5m), new(17, 1m, 0.99m, VatCategory.S, 10m)], [new(false, 2.50m, 10m)], 54.91m, 52.64m, 3.48m, 56.12m),
        ["200 x 0.01 at 20 %"] = new([new(200, 1m, 0.01m, VatCategory.S, 20m)], [], 1.67m, 1.67m, 0.33m, 2.00m),
        ["1 x 2.5 kg at 0.99 at 5.5 %"] = new([new(1, 2.5m, 0.99m, VatCategory.S, 5.5m)], [], 2.35m, 2.35m, 0.13m, 2.48m),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    internal static Invoice Build(Case spec)
    {
        var lines = new List<InvoiceLine>();
        foreach (var group in spec.Lines)
        {
            for (var i = 0; i < group.Count; i++)
            {
                lines.Add(new InvoiceLine
                {
                    Id = (lines.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ItemName = "Article",
                    Quantity = group.Quantity,
                    VatInclusivePrice = group.Price,
                    VatCategory = group.Category,
                    VatRate = group.Rate,
                    AllowancesCharges = group.LineAllowance is { } allowance ? [new AllowanceCharge { Amount = allowance, Reason = "Remise" }] : [],
                });
            }
        }

        return new Invoice
        {
            IssueDate = new LocalDate(2026, 11, 2),
            Currency = Currency.Eur,
            Seller = new Party { Name = "Épicerie", Address = new PostalAddress { CountryCode = "FR" } },
            Buyer = new Party { Name = "Client", Address = new PostalAddress { CountryCode = "FR" } },
            Lines = lines,
            AllowancesCharges = spec.DocumentLevel.Select(d => new AllowanceCharge { IsCharge = d.IsCharge, Amount = d.Amount, VatCategory = VatCategory.S, VatRate = d.Rate, Reason = d.IsCharge ? "Livraison" : "Bon d'achat" }).ToArray(),
        };
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Calculate_ReferenceCase_GivesTheReferenceTotals(string name)
    {
        var spec = Cases[name];

        var totals = InvoiceCalculator.Calculate(Build(spec));

        Assert.Equal(spec.LineNetTotal, totals.LineNetTotal);
        Assert.Equal(spec.TaxExclusive, totals.TaxExclusiveAmount);
        Assert.Equal(spec.VatTotal, totals.VatTotal);
        Assert.Equal(spec.TaxInclusive, totals.TaxInclusiveAmount);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ToNetPrices_ReferenceCase_RecomputesToTheSameNetFigures(string name)
    {
        var invoice = Build(Cases[name]);
        var totals = InvoiceCalculator.Calculate(invoice);

        var net = InvoiceCalculator.ToNetPrices(invoice);
        var recomputed = InvoiceCalculator.Calculate(net);

        Assert.False(net.PricesIncludeVat);
        Assert.Equal(totals.LineNetAmounts, recomputed.LineNetAmounts);
        Assert.Equal(totals.TaxExclusiveAmount, recomputed.TaxExclusiveAmount);
        Assert.Equal(totals.VatBreakdown.Select(r => r.TaxableAmount), recomputed.VatBreakdown.Select(r => r.TaxableAmount));
        Assert.All(totals.VatBreakdown.Zip(recomputed.VatBreakdown), pair => Assert.InRange(Math.Abs(pair.First.TaxAmount - pair.Second.TaxAmount), 0m, 0.01m));
    }
}
