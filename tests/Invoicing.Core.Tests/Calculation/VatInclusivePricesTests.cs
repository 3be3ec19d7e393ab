using NodaTime;

namespace Invoicing.Core.Tests.Calculation;

/// <summary>How <see cref="InvoiceCalculator"/> derives the net figures of an invoice priced with VAT included, and what it refuses.</summary>
public sealed class VatInclusivePricesTests
{
    private static InvoiceLine Line(string id, decimal quantity, decimal price, decimal? rate = 20m, VatCategory category = VatCategory.S) => new()
    {
        Id = id,
        ItemName = "Article " + id,
        Quantity = quantity,
        VatInclusivePrice = price,
        VatCategory = category,
        VatRate = rate,
    };

    private static Invoice Invoice(params InvoiceLine[] lines) => new()
    {
        IssueDate = new LocalDate(2026, 11, 2),
        Currency = Currency.Eur,
        Seller = new Party { Name = "Épicerie", Address = new PostalAddress { CountryCode = "FR" } },
        Buyer = new Party { Name = "Client", Address = new PostalAddress { CountryCode = "FR" } },
        Lines = lines,
    };

    private static InvoiceValidationException Refused(Invoice invoice) => Assert.Throws<InvoiceValidationException>(() => InvoiceCalculator.Calculate(invoice));

    [Fact]
    public void Calculate_FiveLinesOf099At20_SharesTheBaseByLargestRemainderAndKeepsTheGrandTotal()
    {
        var invoice = Invoice([.. Enumerable.Range(1, 5).Select(i => Line(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 1m, 0.99m))]);

        var totals = InvoiceCalculator.Calculate(invoice);

        // 4.95 / 1.2 = 4.125 -> 4.13; each line's exact net is 0.825: three get 0.83 (the first, on a tie), two 0.82.
        Assert.Equal([0.83m, 0.83m, 0.83m, 0.82m, 0.82m], totals.LineNetAmounts);
        var row = Assert.Single(totals.VatBreakdown);
        Assert.Equal(4.13m, row.TaxableAmount);
        Assert.Equal(0.82m, row.TaxAmount);
        Assert.Equal(4.95m, totals.TaxInclusiveAmount);
        Assert.Equal(4.95m, totals.AmountDue);
    }

    [Fact]
    public void ToNetPrices_QuantityThree_DerivesANetPriceWithTheDecimalsItNeeds()
    {
        var invoice = Invoice([.. Enumerable.Range(1, 7).Select(i => Line(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 3m, 0.99m))]);

        var net = InvoiceCalculator.ToNetPrices(invoice);

        // 20.79 / 1.2 = 17.325 -> 17.33 over seven exact nets of 2.475: four lines of 2.48, three of 2.47.
        Assert.Equal([0.827m, 0.827m, 0.827m, 0.827m, 0.823m, 0.823m, 0.823m], net.Lines.Select(l => l.NetPrice));
        Assert.All(net.Lines, l => Assert.Null(l.VatInclusivePrice));
        Assert.Equal(InvoiceCalculator.Calculate(invoice).LineNetAmounts, InvoiceCalculator.Calculate(net).LineNetAmounts);
    }

    [Fact]
    public void Calculate_NegativeQuantities_GivesTheNegatedTotalsOfTheSameLines()
    {
        var positive = Invoice(Line("1", 3m, 0.99m, 5.5m), Line("2", 1m, 12.49m, 10m), Line("3", 2m, 0.99m));
        var negative = positive with { Lines = [.. positive.Lines.Select(l => l with { Quantity = -l.Quantity })] };

        var invoiced = InvoiceCalculator.Calculate(positive);
        var credited = InvoiceCalculator.Calculate(negative);

        Assert.Equal(-invoiced.TaxInclusiveAmount, credited.TaxInclusiveAmount);
        Assert.Equal(invoiced.VatBreakdown.Select(r => (r.TaxableAmount, r.TaxAmount)), credited.VatBreakdown.Select(r => (-r.TaxableAmount, -r.TaxAmount)));
        Assert.All(InvoiceCalculator.ToNetPrices(negative).Lines, l => Assert.True(l.NetPrice >= 0m));
    }

    [Fact]
    public void ToNetPrices_AllowancesAndCharges_ConvertsEachAmountWithinItsGroupAndDropsBaseAndPercentage()
    {
        var invoice = Invoice(Line("1", 1m, 10.00m) with { AllowancesCharges = [new AllowanceCharge { Amount = 1.00m, BaseAmount = 10.00m, Percentage = 10m, Reason = "Remise" }] }) with
        {
            AllowancesCharges =
            [
                new AllowanceCharge { IsCharge = true, Amount = 4.90m, VatCategory = VatCategory.S, VatRate = 20m, Reason = "Livraison" },
                new AllowanceCharge { Amount = 2.00m, VatCategory = VatCategory.S, VatRate = 5.5m, Reason = "Bon" },
            ],
        };

        var totals = InvoiceCalculator.Calculate(invoice);
        var net = InvoiceCalculator.ToNetPrices(invoice);

        // Group S 20: 10.00 - 1.00 + 4.90 = 13.90 -> base 11.58 (11.5833), VAT 2.32. Group S 5.5: -2.00 -> -1.90, VAT -0.10.
        Assert.Equal(11.90m, totals.TaxInclusiveAmount);
        Assert.Equal([(5.5m, -1.90m, -0.10m), (20m, 11.58m, 2.32m)], totals.VatBreakdown.Select(r => (r.Rate!.Value, r.TaxableAmount, r.TaxAmount)));
        var lineAllowance = Assert.Single(net.Lines[0].AllowancesCharges);
        Assert.Equal(0.83m, lineAllowance.Amount);
        Assert.Null(lineAllowance.BaseAmount);
        Assert.Null(lineAllowance.Percentage);
        Assert.Equal([4.08m, 1.90m], net.AllowancesCharges.Select(a => a.Amount));
        Assert.Equal(8.33m - 0.83m, totals.LineNetTotal);
        Assert.Equal(totals.TaxExclusiveAmount, InvoiceCalculator.Calculate(net).TaxExclusiveAmount);
    }

    [Fact]
    public void Calculate_ExemptLines_AreTheirOwnNetAmounts()
    {
        var invoice = Invoice(Line("1", 3m, 0.99m, 0m, VatCategory.E), Line("2", 1m, 0.99m, null, VatCategory.Z));

        var totals = InvoiceCalculator.Calculate(invoice);

        Assert.Equal([2.97m, 0.99m], totals.LineNetAmounts);
        Assert.Equal(0m, totals.VatTotal);
        Assert.Equal([0.99m, 0.99m], InvoiceCalculator.ToNetPrices(invoice).Lines.Select(l => l.NetPrice));
    }

    [Fact]
    public void ToNetPrices_NetPricedInvoice_ComesBackUnchanged()
    {
        var invoice = Invoice(Line("1", 1m, 0.99m) with { VatInclusivePrice = null, NetPrice = 0.99m });

        Assert.Same(invoice, InvoiceCalculator.ToNetPrices(invoice));
        Assert.False(invoice.PricesIncludeVat);
    }

    [Fact]
    public void Calculate_LinePricedWithoutVatAmongVatInclusiveOnes_IsRefusedNamingTheLine()
    {
        var error = Refused(Invoice(Line("1", 1m, 0.99m), Line("2", 1m, 0.99m) with { VatInclusivePrice = null, NetPrice = 0.83m }));

        var issue = Assert.Single(error.Issues);
        Assert.Equal("INV-VATINCL-MIXED", issue.RuleId);
        Assert.Equal("lines[1].vatInclusivePrice", issue.Path);
    }

    [Fact]
    public void Calculate_NetPriceNextToVatInclusivePrice_IsRefused()
    {
        var issue = Assert.Single(Refused(Invoice(Line("1", 1m, 0.99m) with { NetPrice = 0.83m })).Issues);

        Assert.Equal("INV-VATINCL-NET-PRICE", issue.RuleId);
        Assert.Equal("lines[0].netPrice", issue.Path);
    }

    [Fact]
    public void Calculate_PriceDiscountOnAVatInclusiveLine_IsRefused()
    {
        var issue = Assert.Single(Refused(Invoice(Line("1", 1m, 0.99m) with { GrossPrice = 1.20m })).Issues);

        Assert.Equal("INV-VATINCL-PRICE-DISCOUNT", issue.RuleId);
        Assert.Equal("lines[0].grossPrice", issue.Path);
    }

    [Theory]
    [InlineData(VatCategory.AE)]
    [InlineData(VatCategory.K)]
    [InlineData(VatCategory.O)]
    [InlineData(VatCategory.B)]
    public void Calculate_CategoryWithoutVatChargedToTheBuyer_IsRefused(VatCategory category)
    {
        var issue = Assert.Single(Refused(Invoice(Line("1", 1m, 0.99m, category is VatCategory.O ? null : 0m, category))).Issues);

        Assert.Equal("INV-VATINCL-CATEGORY", issue.RuleId);
        Assert.Equal("lines[0].vatCategory", issue.Path);
        Assert.Contains(category.Code(), issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_DocumentAllowanceInARefusedCategory_IsRefusedNamingIt()
    {
        var invoice = Invoice(Line("1", 1m, 0.99m)) with { AllowancesCharges = [new AllowanceCharge { Amount = 0.10m, VatCategory = VatCategory.AE, VatRate = 0m, Reason = "r" }] };

        var issue = Assert.Single(Refused(invoice).Issues);

        Assert.Equal("INV-VATINCL-CATEGORY", issue.RuleId);
        Assert.Equal("allowancesCharges[0].vatCategory", issue.Path);
    }

    [Theory]
    [InlineData(-100)]
    [InlineData(-5)]
    [InlineData(100.01)]
    [InlineData(1e20)]
    public void Calculate_AbsurdRate_IsRefused(double rate)
    {
        var issue = Assert.Single(Refused(Invoice(Line("1", 1m, 0.99m, (decimal)rate))).Issues);

        Assert.Equal("INV-VAT-RATE", issue.RuleId);
        Assert.Equal("lines[0].vatRate", issue.Path);
    }

    [Fact]
    public void Calculate_HugeAmounts_ReportOverflowAsTypedError()
    {
        var issue = Assert.Single(Refused(Invoice(Line("1", 1m, 1m), Line("2", decimal.MaxValue, 2m))).Issues);

        Assert.Equal("INV-OVERFLOW", issue.RuleId);
        Assert.Equal("lines[1]", issue.Path);
    }

    [Fact]
    public void Calculate_PrepaidAmountOverflowingTheAmountDue_ReportsOverflowOnTheTotals()
    {
        var issue = Assert.Single(Refused(Invoice(Line("1", 1m, 0.99m)) with { PrepaidAmount = decimal.MinValue }).Issues);

        Assert.Equal("INV-OVERFLOW", issue.RuleId);
        Assert.Equal("totals", issue.Path);
    }

    [Fact]
    public void Calculate_QuantityTooLargeForAnExactNetPrice_IsRefusedNamingTheQuantity()
    {
        // Found by the property below: -7.9e28 x 1e-28 has a net that no price of 28 decimals gives back.
        var issue = Assert.Single(Refused(Invoice(Line("1", decimal.MinValue, 1e-28m, 0.181013655m)) with { Currency = Currency.Kwd }).Issues);

        Assert.Equal("INV-OVERFLOW", issue.RuleId);
        Assert.Equal("lines[0].quantity", issue.Path);
    }

    [Fact]
    public void LineNet_VatInclusiveLine_IsRefusedBecauseItDependsOnItsGroup()
    {
        var error = Assert.Throws<InvoiceValidationException>(() => InvoiceCalculator.LineNet(Line("1", 1m, 0.99m), Currency.Eur));

        Assert.Equal("INV-VATINCL-LINE-NET", Assert.Single(error.Issues).RuleId);
    }

    [Fact]
    public void Calculate_Yen_RoundsToWholeYen()
    {
        var totals = InvoiceCalculator.Calculate(Invoice(Line("1", 7m, 99m, 10m)) with { Currency = Currency.Jpy });

        // 693 / 1.1 = 630 exactly; VAT 63.
        Assert.Equal(630m, totals.TaxExclusiveAmount);
        Assert.Equal(63m, totals.VatTotal);
        Assert.Equal(693m, totals.TaxInclusiveAmount);
    }
}
