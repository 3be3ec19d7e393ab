using NodaTime;
using Xunit;

namespace Invoicing.Core.Tests.Corpus;

/// <summary>
/// Corpus invoices transcribed by hand into our model (values read from the XML, not parsed): the calculator must give
/// the totals and the VAT breakdown the file states, to the cent. Each test also checks that the file still states them.
/// </summary>
public sealed class CorpusTranscriptionTests
{
    private static Party Party(string name, string country) => new() { Name = name, Address = new PostalAddress { CountryCode = country } };

    private static InvoiceLine Line(string id, string name, decimal quantity, decimal price, decimal rate, VatCategory category = VatCategory.S, string unit = "H87") => new()
    {
        Id = id,
        ItemName = name,
        Quantity = quantity,
        UnitCode = unit,
        NetPrice = price,
        VatCategory = category,
        VatRate = rate,
    };

    private static void AssertStated(string corpusFile, params string[] fragments)
    {
        var xml = File.ReadAllText(TestPaths.Corpus(corpusFile));
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, xml, StringComparison.Ordinal);
        }
    }

    private static void AssertRow(InvoiceTotals totals, VatCategory category, decimal rate, decimal taxable, decimal tax)
    {
        var row = Assert.Single(totals.VatBreakdown, r => r.Category == category && r.Rate == rate);
        Assert.Equal(taxable, row.TaxableAmount);
        Assert.Equal(tax, row.TaxAmount);
    }

    [Fact]
    public void Calculate_CiiExample1_GivesTheStatedTotals()
    {
        AssertStated(
            "en16931/cii-examples/CII_example1.xml",
            "<ram:GrandTotalAmount>250.33</ram:GrandTotalAmount>",
            "<ram:BasisAmount>183.23</ram:BasisAmount>",
            "<ram:CalculatedAmount>10.99</ram:CalculatedAmount>");
        var invoice = new Invoice
        {
            Number = "12115118",
            IssueDate = new LocalDate(2015, 1, 9),
            DueDate = new LocalDate(2015, 1, 9),
            Currency = Currency.Eur,
            Seller = Party("De Koksmaat", "NL"),
            Buyer = Party("ODIN 59", "NL"),
            Lines =
            [
                Line("1", "PATAT FRITES 10MM 10KG", 2m, 9.95m, 6m),
                Line("2", "KAAS 50PL. JONG BEL. 1KG", 1m, 9.85m, 6m),
                Line("3", "POT KETCHUP 3 LT", 1m, 8.29m, 6m),
                Line("4", "FRITESSAUS 3 LRR", 2m, 7.23m, 6m),
                Line("5", "KOFFIE BLIK 3,5KG SNELF", 1m, 35m, 6m),
                Line("6", "KOFFIE 3.5 KG BLIK STAND", 1m, 35m, 6m),
                Line("7", "SUIKERKLONT", 1m, 10.65m, 6m),
                Line("8", "1 KG UL BLOKJES", 1m, 1.55m, 6m),
                Line("9", "BLOCKNOTE A5", 3m, 4.79m, 6m),
                Line("10", "CHIPS NAT KLEIN ZAKJES", 1m, 8.29m, 6m),
                Line("11", "CHIPS PAP KLEINE ZAKJES", 2m, 8.29m, 6m),
                Line("12", "TR KL PAKJES APPELSAP", 1m, 9.95m, 6m),
                Line("13", "PK CHOCOLADEMELK", 2m, 1.65m, 6m),
                Line("14", "KRAT BIER", 1m, 10.8m, 21m),
                Line("15", "STATIEGELD", 1m, 3.9m, 6m),
                Line("16", "BLEEK 3 X 750 ML", 2m, 3.8m, 21m),
                Line("17", "WC PAPIER", 2m, 4.67m, 21m),
                Line("18", "BALPENNEN 50 ST BLAUW", 1m, 18.63m, 21m),
                Line("19", "EM FRITUURVET", 6m, 17.02m, 6m),

                // A return: the file states quantity 6 but line net -109.98; our model derives BT-131 from the
                // quantity, so the return is a quantity of -6 (the file's totals include -109.98).
                Line("20", "FRITUUR VET 10 KG RETOUR", -6m, 18.33m, 6m),
            ],
        };

        var totals = InvoiceCalculator.Calculate(invoice);

        Assert.Equal(229.60m, totals.LineNetTotal);
        Assert.Equal(229.60m, totals.TaxExclusiveAmount);
        Assert.Equal(20.73m, totals.VatTotal);
        Assert.Equal(250.33m, totals.TaxInclusiveAmount);
        Assert.Equal(250.33m, totals.AmountDue);
        Assert.Equal(-109.98m, totals.LineNetAmounts[19]);
        Assert.Equal(2, totals.VatBreakdown.Count);
        AssertRow(totals, VatCategory.S, 6m, 183.23m, 10.99m);
        AssertRow(totals, VatCategory.S, 21m, 46.37m, 9.74m);
    }

    [Fact]
    public void Calculate_CiiExample2_GivesTheStatedTotals()
    {
        AssertStated(
            "en16931/cii-examples/CII_example2.xml",
            "<ram:GrandTotalAmount>1801.78</ram:GrandTotalAmount>",
            "<ram:DuePayableAmount>801.78</ram:DuePayableAmount>",
            "<ram:ExemptionReason>Exempt New Means of Transport</ram:ExemptionReason>");
        var invoice = new Invoice
        {
            Number = "TOSL108",
            IssueDate = new LocalDate(2013, 6, 30),
            Currency = Currency.FromCode("NOK"),
            Seller = Party("Salescompany ltd.", "NO"),
            Buyer = Party("The Buyercompany", "NO"),
            PrepaidAmount = 1000m,
            VatExemptions = [new VatExemption(VatCategory.E, null, "Exempt New Means of Transport")],
            Lines =
            [
                // The file repeats the price as BasisQuantity (1273, 3.96, ...); its stated line totals use a base of 1.
                Line("1", "Laptop computer", 1m, 1273m, 25m, unit: "NAR") with
                {
                    AllowancesCharges =
                    [
                        new AllowanceCharge { Amount = 12m, Reason = "Damage" },
                        new AllowanceCharge { IsCharge = true, Amount = 12m, Reason = "Testing" },
                    ],
                },
                Line("2", "Returned \"Advanced computing\" book", -1m, 3.96m, 15m, unit: "NAR"),
                Line("3", "\"Computing for dummies\" book", 2m, 2.48m, 15m, unit: "NAR"),
                Line("4", "Returned IBM 5150 desktop", -1m, 25m, 0m, VatCategory.E, unit: "NAR"),
                Line("5", "Network cable", 250m, 0.75m, 25m, unit: "MTR"),
            ],
            AllowancesCharges =
            [
                new AllowanceCharge { Amount = 100m, Reason = "Promotion discount", ReasonCode = "95", VatCategory = VatCategory.S, VatRate = 25m },
                new AllowanceCharge { IsCharge = true, Amount = 100m, Reason = "Freight", VatCategory = VatCategory.S, VatRate = 25m },
            ],
        };

        var totals = InvoiceCalculator.Calculate(invoice);

        Assert.Equal(1436.50m, totals.LineNetTotal);
        Assert.Equal(100m, totals.AllowanceTotal);
        Assert.Equal(100m, totals.ChargeTotal);
        Assert.Equal(1436.50m, totals.TaxExclusiveAmount);
        Assert.Equal(365.28m, totals.VatTotal);
        Assert.Equal(1801.78m, totals.TaxInclusiveAmount);
        Assert.Equal(1000m, totals.PrepaidAmount);
        Assert.Equal(801.78m, totals.AmountDue);
        Assert.Equal(3, totals.VatBreakdown.Count);
        AssertRow(totals, VatCategory.S, 25m, 1460.50m, 365.13m);
        AssertRow(totals, VatCategory.S, 15m, 1.00m, 0.15m);
        AssertRow(totals, VatCategory.E, 0m, -25m, 0m);
        Assert.Equal("Exempt New Means of Transport", totals.VatBreakdown.Single(r => r.Category == VatCategory.E).ExemptionReason);
    }

    [Fact]
    public void Calculate_FacturXRabatte_GivesTheStatedTotals()
    {
        AssertStated(
            "facturx-official/3._EN16931/EN16931_Rabatte/EN16931_Rabatte.xml",
            "<ram:GrandTotalAmount>215.07</ram:GrandTotalAmount>",
            "<ram:DuePayableAmount>165.07</ram:DuePayableAmount>");
        var invoice = new Invoice
        {
            Number = "471102",
            IssueDate = new LocalDate(2025, 6, 5),
            Currency = Currency.Eur,
            Seller = Party("Lieferant GmbH", "DE"),
            Buyer = Party("Kunden AG Mitte", "DE"),
            PrepaidAmount = 50.00m,
            Lines =
            [
                Line("1", "Kunstrasen grün 3m breit", 3.0000m, 3.3333m, 19.00m, unit: "MTK"),
                Line("2", "Schweinesteak", 5.0000m, 5.5000m, 7.00m, unit: "KGM"),
                Line("3", "Mineralwasser Medium 12 x 1,0l PET", 20.0000m, 5.4900m, 7.00m),
                Line("4", "Pfand", 20.0000m, 2.7700m, 19.00m),
            ],
            AllowancesCharges =
            [
                new AllowanceCharge { Amount = 1.00m, BaseAmount = 10.00m, Reason = "Sondernachlass", VatCategory = VatCategory.S, VatRate = 19.00m },
                new AllowanceCharge { Amount = 13.73m, BaseAmount = 137.30m, Reason = "Sondernachlass", VatCategory = VatCategory.S, VatRate = 7.00m },
                new AllowanceCharge { IsCharge = true, Amount = 5.80m, BaseAmount = 137.30m, Reason = "Versandkosten", VatCategory = VatCategory.S, VatRate = 7.00m },
            ],
        };

        var totals = InvoiceCalculator.Calculate(invoice);

        Assert.Equal(10.00m, totals.LineNetAmounts[0]);
        Assert.Equal(202.70m, totals.LineNetTotal);
        Assert.Equal(14.73m, totals.AllowanceTotal);
        Assert.Equal(5.80m, totals.ChargeTotal);
        Assert.Equal(193.77m, totals.TaxExclusiveAmount);
        Assert.Equal(21.30m, totals.VatTotal);
        Assert.Equal(215.07m, totals.TaxInclusiveAmount);
        Assert.Equal(165.07m, totals.AmountDue);
        AssertRow(totals, VatCategory.S, 7m, 129.37m, 9.06m);
        AssertRow(totals, VatCategory.S, 19m, 64.40m, 12.24m);
    }

    [Fact]
    public void Calculate_FacturXRechnungskorrektur_GivesTheStatedNegativeTotals()
    {
        AssertStated(
            "facturx-official/3._EN16931/EN16931_Rechnungskorrektur/EN16931_Rechnungskorrektur.xml",
            "<ram:TypeCode>384</ram:TypeCode>",
            "<ram:GrandTotalAmount>-8.79</ram:GrandTotalAmount>");
        var invoice = new Invoice
        {
            Number = "RK21012345",
            Type = DocumentType.CorrectedInvoice,
            IssueDate = new LocalDate(2018, 9, 16),
            Currency = Currency.Eur,
            Seller = Party("MUSTERLIEFERANT GMBH", "DE"),
            Buyer = Party("MUSTER-KUNDE GMBH", "DE"),
            PrepaidAmount = 0.00m,
            Lines =
            [
                Line("1", "Zitronensäure 100ml", -5.0000m, 1.0000m, 19.00m),
                Line("2", "Gelierzucker Extra 250g", -2.0000m, 1.4500m, 7.00m),
            ],
            AllowancesCharges =
            [
                new AllowanceCharge { Amount = -0.10m, Reason = "Rechnungsrabatt 1", VatCategory = VatCategory.S, VatRate = 19.00m },
                new AllowanceCharge { Amount = -0.06m, Reason = "Rechnungsrabatt 1", VatCategory = VatCategory.S, VatRate = 7.00m },
                new AllowanceCharge { Amount = -0.05m, Reason = "Rechnungsrabatt 2", VatCategory = VatCategory.S, VatRate = 19.00m },
                new AllowanceCharge { Amount = -0.02m, Reason = "Rechnungsrabatt 2", VatCategory = VatCategory.S, VatRate = 7.00m },
            ],
        };

        var totals = InvoiceCalculator.Calculate(invoice);

        Assert.Equal(-7.90m, totals.LineNetTotal);
        Assert.Equal(-0.23m, totals.AllowanceTotal);
        Assert.Equal(-7.67m, totals.TaxExclusiveAmount);
        Assert.Equal(-1.12m, totals.VatTotal);
        Assert.Equal(-8.79m, totals.TaxInclusiveAmount);
        Assert.Equal(-8.79m, totals.AmountDue);
        AssertRow(totals, VatCategory.S, 19m, -4.85m, -0.92m);
        AssertRow(totals, VatCategory.S, 7m, -2.82m, -0.20m);
    }

    [Fact]
    public void Calculate_CiiRoundingIssue_NetsToExactlyZero()
    {
        AssertStated(
            "en16931/cii-examples/CII-BR-CO-10-RoundingIssue.xml",
            "<ram:LineTotalAmount>0.00</ram:LineTotalAmount>",
            "<ram:DuePayableAmount>0.00</ram:DuePayableAmount>");
        var invoice = new Invoice
        {
            Number = "0",
            IssueDate = new LocalDate(2021, 3, 26),
            Currency = Currency.Eur,
            Seller = Party("Seller GmbH", "DE"),
            Buyer = Party("BuyerName", "DE"),
            Lines =
            [
                Line("1", "Flugschein", 1m, 720.81m, 19.00m, unit: "IE"),
                Line("1", "Flugschein", 1m, 0.01m, 0m, VatCategory.Z, unit: "IE"),
                Line("2", "Flug Storno Inland", -1m, 720.81m, 19.00m, unit: "IE"),
                Line("2", "Flug Storno Inland", -1m, 0.01m, 0m, VatCategory.Z, unit: "IE"),
            ],
        };

        var totals = InvoiceCalculator.Calculate(invoice);

        Assert.Equal(0.00m, totals.LineNetTotal);
        Assert.Equal(0.00m, totals.TaxExclusiveAmount);
        Assert.Equal(0.00m, totals.VatTotal);
        Assert.Equal(0.00m, totals.TaxInclusiveAmount);
        Assert.Equal(0.00m, totals.AmountDue);
        AssertRow(totals, VatCategory.Z, 0m, 0m, 0m);
        AssertRow(totals, VatCategory.S, 19m, 0m, 0m);
    }
}
