using FsCheck.Xunit;
using NodaTime;

namespace Invoicing.Core.Tests.Calculation;

/// <summary>
/// Property-based tests of invoices priced with VAT included: the grand total is the sum of the VAT-inclusive amounts
/// exactly, every VAT group passes the official BR-CO-17 test, and the net figures add up as EN 16931 requires.
/// </summary>
public sealed class VatInclusiveProperties
{
    private static readonly (VatCategory Category, decimal Rate)[] Rates =
        [(VatCategory.S, 5.5m), (VatCategory.S, 10m), (VatCategory.S, 20m), (VatCategory.S, 2.1m), (VatCategory.S, 19m), (VatCategory.S, 21m), (VatCategory.E, 0m), (VatCategory.S, 7.7m)];

    private static readonly Currency[] Currencies = [Currency.Eur, Currency.Jpy, Currency.Kwd];

    private static readonly Party Someone = new() { Name = "X", Address = new PostalAddress { CountryCode = "FR" } };

    /// <summary>Lines from generated integers: quantities in hundredths (negative ones too), prices in cents, a rate per line.</summary>
    internal static Invoice Build(int[] quantities, int[] prices, byte[] rates, int[] allowances, byte currency)
    {
        var count = Math.Min(quantities.Length, Math.Min(prices.Length, rates.Length));
        if (count == 0)
        {
            (quantities, prices, rates, count) = ([100], [99], [2], 1);
        }

        var lines = new InvoiceLine[count];
        for (var i = 0; i < count; i++)
        {
            var (category, rate) = Rates[rates[i] % Rates.Length];
            var allowance = i < allowances.Length && allowances[i] % 3 != 0
                ? new AllowanceCharge { IsCharge = allowances[i] % 3 == 1, Amount = Math.Abs(allowances[i] % 5_000) / 100m, Reason = "r" }
                : null;
            lines[i] = new InvoiceLine
            {
                Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ItemName = "item",
                Quantity = quantities[i] % 100_000 / 100m,
                BaseQuantity = rates[i] >= 200 ? 12m : null,
                VatInclusivePrice = Math.Abs(prices[i] % 10_000_000) / 100m,
                VatCategory = category,
                VatRate = rate,
                AllowancesCharges = allowance is null ? [] : [allowance],
            };
        }

        var documentLevel = allowances.Skip(count).Take(4)
            .Select((a, i) => new AllowanceCharge
            {
                IsCharge = a % 2 == 0,
                Amount = Math.Abs(a % 100_000) / 100m,
                Reason = "doc",
                VatCategory = Rates[i % Rates.Length].Category,
                VatRate = Rates[i % Rates.Length].Rate,
            })
            .ToArray();
        return new Invoice
        {
            Number = "B2C-1",
            IssueDate = new LocalDate(2026, 11, 2),
            Currency = Currencies[currency % Currencies.Length],
            Seller = Someone,
            Buyer = Someone,
            Lines = lines,
            AllowancesCharges = documentLevel,
        };
    }

    /// <summary>The sum of every VAT-inclusive amount, each rounded to the minor unit, computed apart from the calculator.</summary>
    private static decimal SumOfVatInclusiveAmounts(Invoice invoice)
    {
        var currency = invoice.Currency;
        decimal Signed(AllowanceCharge item) => item.IsCharge ? currency.Round(item.Amount) : -currency.Round(item.Amount);
        return invoice.Lines.Sum(l => currency.Round(l.VatInclusivePrice!.Value * l.Quantity / (l.BaseQuantity ?? 1m)) + l.AllowancesCharges.Sum(Signed))
            + invoice.AllowancesCharges.Sum(Signed);
    }

    [Property(MaxTest = 500)]
    public void Calculate_VatInclusiveInvoice_GrandTotalIsTheSumOfTheVatInclusiveAmounts(int[] quantities, int[] prices, byte[] rates, int[] allowances, byte currency)
    {
        var invoice = Build(quantities, prices, rates, allowances, currency);

        var totals = InvoiceCalculator.Calculate(invoice);

        Assert.Equal(SumOfVatInclusiveAmounts(invoice), totals.TaxInclusiveAmount);
        Assert.Equal(totals.TaxInclusiveAmount, totals.AmountDue);
        Assert.Equal(totals.TaxExclusiveAmount + totals.VatTotal, totals.TaxInclusiveAmount);
        Assert.Equal(totals.LineNetTotal - (totals.AllowanceTotal ?? 0m) + (totals.ChargeTotal ?? 0m), totals.TaxExclusiveAmount);
        Assert.Equal(totals.LineNetAmounts.Sum(), totals.LineNetTotal);
        Assert.Equal(totals.VatBreakdown.Sum(r => r.TaxableAmount), totals.TaxExclusiveAmount);
        Assert.Equal(totals.VatBreakdown.Sum(r => r.TaxAmount), totals.VatTotal);
        Assert.All(totals.LineNetAmounts, n => Assert.True(invoice.Currency.IsRounded(n)));
    }

    [Property(MaxTest = 500)]
    public void Calculate_VatInclusiveInvoice_EveryGroupPassesTheOfficialBrCo17Test(int[] quantities, int[] prices, byte[] rates, int[] allowances, byte currency)
    {
        var invoice = Build(quantities, prices, rates, allowances, currency);
        var unit = 1m / (decimal)Math.Pow(10, invoice.Currency.MinorUnits);

        var totals = InvoiceCalculator.Calculate(invoice);

        foreach (var row in totals.VatBreakdown)
        {
            var rate = row.Rate!.Value;
            if (rate == 0m)
            {
                Assert.Equal(0m, row.TaxAmount);
                continue;
            }

            // The CEN schematron (1.3.16), UBL and CII: round(abs(BT-116) x BT-119 / 100, 2) within one (strictly in UBL).
            var expected = Math.Round(Math.Abs(row.TaxableAmount) * rate / 100m, 2, MidpointRounding.AwayFromZero);
            Assert.True(Math.Abs(row.TaxAmount) - 1m < expected && Math.Abs(row.TaxAmount) + 1m > expected, $"BR-CO-17 fails on {row}");
            // Stronger, as the method promises: never more than one minor unit from the VAT of the base.
            Assert.InRange(Math.Abs(row.TaxAmount - invoice.Currency.Round(row.TaxableAmount * rate / 100m)), 0m, unit);
            Assert.True(row.TaxAmount * row.TaxableAmount >= 0m, $"VAT and base of opposite signs in {row}");
        }
    }

    [Property(MaxTest = 500)]
    public void ToNetPrices_VatInclusiveInvoice_LineNetsAndAllowancesSumToEachGroupBase(int[] quantities, int[] prices, byte[] rates, int[] allowances, byte currency)
    {
        var invoice = Build(quantities, prices, rates, allowances, currency);
        var totals = InvoiceCalculator.Calculate(invoice);

        var net = InvoiceCalculator.ToNetPrices(invoice);

        foreach (var row in totals.VatBreakdown)
        {
            var lines = net.Lines.Select((l, i) => (l, i)).Where(p => p.l.VatCategory == row.Category && p.l.VatRate == row.Rate).Sum(p => totals.LineNetAmounts[p.i]);
            var documentLevel = net.AllowancesCharges.Where(a => a.VatCategory == row.Category && a.VatRate == row.Rate).Sum(a => a.IsCharge ? a.Amount : -a.Amount);
            Assert.Equal(row.TaxableAmount, lines + documentLevel);
        }

        // Each line recomputed from its derived net price (BT-146) gives its net amount back (BT-131, Peppol R120).
        var recomputed = InvoiceCalculator.Calculate(net);
        Assert.Equal(totals.LineNetAmounts, recomputed.LineNetAmounts);
        Assert.Equal(totals.TaxExclusiveAmount, recomputed.TaxExclusiveAmount);
        Assert.Equal(totals.AllowanceTotal, recomputed.AllowanceTotal);
        Assert.Equal(totals.ChargeTotal, recomputed.ChargeTotal);
        Assert.All(net.Lines, l => Assert.True(l.NetPrice >= 0m && l.VatInclusivePrice is null));
    }

    [Property(MaxTest = 300)]
    public void Calculate_VatInclusiveInvoiceInAnyLineOrder_GivesTheSameTotals(int[] quantities, int[] prices, byte[] rates, int[] allowances, byte currency, int seed)
    {
        var invoice = Build(quantities, prices, rates, allowances, currency);
        var shuffled = invoice.Lines.ToArray();
        new Random(seed).Shuffle(shuffled);

        var expected = InvoiceCalculator.Calculate(invoice);
        var actual = InvoiceCalculator.Calculate(invoice with { Lines = shuffled });

        Assert.Equal(expected.TaxInclusiveAmount, actual.TaxInclusiveAmount);
        Assert.Equal(expected.VatBreakdown, actual.VatBreakdown);
    }

    private static readonly decimal[] Extremes = [decimal.MaxValue, decimal.MinValue, 1e-28m, -1e-28m, 0m, -1m, 0.005m, 1e20m, -100m, 100m];

    [Property(MaxTest = 1000)]
    public void Calculate_AnyVatInclusiveInput_ThrowsNothingButTheTypedError(decimal quantity, decimal price, byte pick, decimal allowance, int category, decimal rate, decimal netPrice)
    {
        decimal Maybe(decimal value, int shift) => ((pick >> shift) & 1) == 1 ? Extremes[(pick + shift) % Extremes.Length] : value;
        var line = new InvoiceLine
        {
            Id = "1",
            ItemName = "item",
            Quantity = Maybe(quantity, 0),
            VatInclusivePrice = Maybe(price, 1),
            NetPrice = (pick & 0x80) != 0 ? netPrice : 0m,
            BaseQuantity = (pick & 0x40) != 0 ? Maybe(quantity, 2) : null,
            VatCategory = (VatCategory)(category % 11),
            VatRate = Maybe(rate, 3),
            AllowancesCharges = [new AllowanceCharge { Amount = Maybe(allowance, 4), IsCharge = (pick & 0x20) != 0, Reason = "r" }],
        };
        var invoice = Build([100], [99], [2], [], 2) with
        {
            Lines = [line, line with { Id = "2", Quantity = Maybe(quantity, 5) }],
            AllowancesCharges = [new AllowanceCharge { Amount = Maybe(allowance, 6), VatCategory = (VatCategory)(category % 12), VatRate = Maybe(rate, 7), Reason = "d" }],
            PrepaidAmount = (pick & 0x08) != 0 ? Extremes[pick % Extremes.Length] : null,
        };

        try
        {
            var totals = InvoiceCalculator.Calculate(invoice);
            Assert.Equal(totals.TaxExclusiveAmount + totals.VatTotal, totals.TaxInclusiveAmount);
            Assert.Equal(totals.LineNetAmounts, InvoiceCalculator.Calculate(InvoiceCalculator.ToNetPrices(invoice)).LineNetAmounts);
        }
        catch (InvoiceValidationException error)
        {
            Assert.NotEmpty(error.Issues);
            Assert.All(error.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.RuleId) || string.IsNullOrWhiteSpace(i.Path)));
        }

        Assert.NotNull(InvoiceValidator.Validate(invoice));
    }
}
