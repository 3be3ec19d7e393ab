using FsCheck;
using FsCheck.Xunit;
using NodaTime;

namespace Invoicing.Core.Tests.Calculation;

/// <summary>Property-based tests of <see cref="InvoiceCalculator"/>: the EN 16931 identities hold for every generated invoice.</summary>
public sealed class CalculatorProperties
{
    private static readonly decimal[] Rates = [0m, 2.1m, 5.5m, 7m, 10m, 19m, 20m, 21m];

    private static readonly Party Someone = new() { Name = "X", Address = new PostalAddress { CountryCode = "FR" } };

    /// <summary>Lines from generated integers: quantities in hundredths, prices in ten-thousandths, a rate per line.</summary>
    private static Invoice Build(int[] quantities, int[] prices, byte[] rates, int[] allowances, Currency? currency = null)
    {
        var count = Math.Min(quantities.Length, Math.Min(prices.Length, rates.Length));
        var lines = new List<InvoiceLine>();
        for (var i = 0; i < count; i++)
        {
            var rate = Rates[rates[i] % Rates.Length];
            var lineAllowance = i < allowances.Length && allowances[i] != 0
                ? new AllowanceCharge { IsCharge = allowances[i] > 0, Amount = Math.Abs(allowances[i] % 100_000) / 100m, Reason = "r" }
                : null;
            lines.Add(new InvoiceLine
            {
                Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ItemName = "item",
                Quantity = quantities[i] / 100m,
                NetPrice = Math.Abs(prices[i]) / 10_000m,
                VatCategory = rate == 0m ? VatCategory.Z : VatCategory.S,
                VatRate = rate,
                AllowancesCharges = lineAllowance is null ? [] : [lineAllowance],
            });
        }

        var documentLevel = allowances.Skip(count).Take(3)
            .Select((a, i) => new AllowanceCharge
            {
                IsCharge = a % 2 == 0,
                Amount = Math.Abs(a % 1_000_000) / 100m,
                Reason = "doc",
                VatCategory = VatCategory.S,
                VatRate = Rates[1 + (i % (Rates.Length - 1))],
            })
            .ToArray();
        return new Invoice
        {
            IssueDate = new LocalDate(2026, 11, 2),
            Currency = currency ?? Currency.Eur,
            Seller = Someone,
            Buyer = Someone,
            Lines = lines,
            AllowancesCharges = documentLevel,
            PrepaidAmount = allowances.Length > 0 ? Math.Abs(allowances[0] % 10_000) / 100m : null,
            RoundingAmount = allowances.Length > 1 ? (allowances[1] % 100) / 100m : null,
        };
    }

    [Property(MaxTest = 300)]
    public void Calculate_AnyLineOrder_GivesTheSameTotals(int[] quantities, int[] prices, byte[] rates, int[] allowances, int seed)
    {
        var invoice = Build(quantities, prices, rates, allowances);
        var shuffled = invoice with
        {
            Lines = Shuffle(invoice.Lines, seed),
            AllowancesCharges = invoice.AllowancesCharges.Reverse().ToArray(),
        };

        var expected = InvoiceCalculator.Calculate(invoice);
        var actual = InvoiceCalculator.Calculate(shuffled);

        Assert.Equal(expected.LineNetTotal, actual.LineNetTotal);
        Assert.Equal(expected.TaxExclusiveAmount, actual.TaxExclusiveAmount);
        Assert.Equal(expected.VatTotal, actual.VatTotal);
        Assert.Equal(expected.AmountDue, actual.AmountDue);
        Assert.Equal(expected.VatBreakdown, actual.VatBreakdown);
    }

    private static InvoiceLine[] Shuffle(IReadOnlyList<InvoiceLine> lines, int seed)
    {
        var shuffled = lines.ToArray();
        new Random(seed).Shuffle(shuffled);
        return shuffled;
    }

    [Property(MaxTest = 500)]
    public void Calculate_AnyInvoice_KeepsTheEn16931Identities(int[] quantities, int[] prices, byte[] rates, int[] allowances, bool yen)
    {
        var totals = InvoiceCalculator.Calculate(Build(quantities, prices, rates, allowances, yen ? Currency.Jpy : Currency.Eur));

        Assert.Equal(totals.TaxExclusiveAmount + totals.VatTotal, totals.TaxInclusiveAmount);
        Assert.Equal(totals.LineNetTotal - (totals.AllowanceTotal ?? 0m) + (totals.ChargeTotal ?? 0m), totals.TaxExclusiveAmount);
        Assert.Equal(totals.TaxInclusiveAmount - (totals.PrepaidAmount ?? 0m) + (totals.RoundingAmount ?? 0m), totals.AmountDue);
        Assert.Equal(totals.LineNetAmounts.Sum(), totals.LineNetTotal);
        Assert.Equal(totals.VatBreakdown.Sum(r => r.TaxableAmount), totals.TaxExclusiveAmount);
        Assert.Equal(totals.VatBreakdown.Sum(r => r.TaxAmount), totals.VatTotal);
        var currency = yen ? Currency.Jpy : Currency.Eur;
        Assert.All(totals.VatBreakdown, r => Assert.True(currency.IsRounded(r.TaxAmount) && currency.IsRounded(r.TaxableAmount)));
        Assert.Equal(totals.VatBreakdown.Count, totals.VatBreakdown.Select(r => (r.Category, r.Rate)).Distinct().Count());
    }

    [Property(MaxTest = 300)]
    public void Calculate_CreditNoteOfTheSameLines_NetsTheInvoiceToZero(int[] quantities, int[] prices, byte[] rates, int[] allowances)
    {
        var invoice = Build(quantities, prices, rates, allowances) with { PrepaidAmount = null, RoundingAmount = null };
        var credit = invoice with { Type = DocumentType.CreditNote, PrecedingInvoices = [new PrecedingInvoiceReference("F1")] };

        var invoiced = InvoiceCalculator.Calculate(invoice);
        var credited = InvoiceCalculator.Calculate(credit);

        Assert.Equal(invoiced.AmountDue, credited.AmountDue);
        Assert.Equal(invoiced.VatBreakdown, credited.VatBreakdown);
        Assert.Equal(0m, invoiced.AmountDue - credited.AmountDue);
        Assert.Equal(0m, invoiced.VatTotal - credited.VatTotal);
        Assert.Equal(0m, invoiced.TaxExclusiveAmount - credited.TaxExclusiveAmount);
    }

    private static readonly decimal[] Extremes =
    [
        decimal.MaxValue, decimal.MinValue, 79228162514264337593543950.335m, 1e-28m, -1e-28m, 0m, 1m, -1m, 0.005m, 1e20m, -1e20m,
    ];

    [Property(MaxTest = 1000)]
    public void Calculate_AnyInput_ThrowsNothingButTheTypedError(
        decimal quantity, decimal price, byte pick, decimal allowance, int category, decimal rate, bool nullLine, bool nullAllowance, bool noCurrency)
    {
        decimal Maybe(decimal value, int shift) => ((pick >> shift) & 1) == 1 ? Extremes[(pick + shift) % Extremes.Length] : value;

        var line = new InvoiceLine
        {
            Id = "1",
            ItemName = "item",
            Quantity = Maybe(quantity, 0),
            NetPrice = Maybe(price, 1),
            BaseQuantity = (pick & 0x40) != 0 ? Maybe(quantity, 2) : null,
            VatCategory = (VatCategory)(category % 14),
            VatRate = (pick & 0x80) != 0 ? null : Maybe(rate, 3),
            AllowancesCharges = nullAllowance ? [null!] : [new AllowanceCharge { Amount = Maybe(allowance, 4), IsCharge = (pick & 0x20) != 0, Reason = "r" }],
        };
        var invoice = new Invoice
        {
            IssueDate = new LocalDate(2026, 1, 1),
            Currency = noCurrency ? default : Currency.Kwd,
            Seller = null!,
            Buyer = null!,
            Lines = nullLine ? [line, null!] : [line, line with { Id = "2" }],
            AllowancesCharges = [new AllowanceCharge { Amount = Maybe(allowance, 5), VatCategory = (VatCategory)(category % 11), VatRate = Maybe(rate, 6), Reason = "d" }],
            PrepaidAmount = Maybe(price, 7),
        };

        try
        {
            var totals = InvoiceCalculator.Calculate(invoice);
            Assert.Equal(totals.TaxExclusiveAmount + totals.VatTotal, totals.TaxInclusiveAmount);
        }
        catch (InvoiceValidationException error)
        {
            Assert.NotEmpty(error.Issues);
            Assert.All(error.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.RuleId) || string.IsNullOrWhiteSpace(i.Path)));
        }

        // The validator never throws either, whatever the input.
        Assert.NotNull(InvoiceValidator.Validate(invoice));
    }

    [Fact]
    public void Calculate_HugeAmounts_ReportOverflowAsTypedError()
    {
        var invoice = Build([100, 100], [1, 1], [6, 6], []) with
        {
            Lines = [new InvoiceLine { Id = "1", ItemName = "a", Quantity = decimal.MaxValue, NetPrice = 2m, VatCategory = VatCategory.S, VatRate = 20m }],
        };

        var error = Assert.Throws<InvoiceValidationException>(() => InvoiceCalculator.Calculate(invoice));

        Assert.Equal("INV-OVERFLOW", error.Issues[0].RuleId);
        Assert.Equal("lines[0]", error.Issues[0].Path);
    }
}
