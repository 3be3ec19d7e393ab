using System.Xml.Linq;
using FsCheck;
using FsCheck.Xunit;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.EInvoicing.Tests;

/// <summary>
/// Invoices priced with VAT included are written as EN 16931 net figures: the derived net prices (BT-146), line nets
/// (BT-131), allowance amounts and the VAT breakdown of the calculator; read back, the stated totals are the
/// calculator's and the grand total is the sum of the VAT-inclusive prices.
/// </summary>
public sealed class VatInclusiveWriteTests
{
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static readonly (VatCategory Category, decimal Rate)[] Rates = [(VatCategory.S, 5.5m), (VatCategory.S, 10m), (VatCategory.S, 20m), (VatCategory.Z, 0m), (VatCategory.S, 21m)];

    private static Invoice Sample() => InvoiceJson.Deserialize(File.ReadAllText(Path.Combine(CiiTestPaths.RepositoryRoot, "samples", "invoices", "fr-b2c-vat-inclusive.json"))) with { Number = "F2026-00007" };

    /// <summary>A consumer invoice: lines of VAT-inclusive prices in cents, a quantity per line (negative on a credit), an allowance or charge.</summary>
    private static Invoice Random(int[] priceCents, int quantitySeed, int amountCents, bool charge) => CiiSamples.Simple(VatCategory.S, 20m) with
    {
        Lines = priceCents.Take(60).Select((cents, i) => new InvoiceLine
        {
            Id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ItemName = "Article",
            Quantity = ((quantitySeed + (i * 7)) % 400) / 4m,
            VatInclusivePrice = Math.Abs(cents % 1_000_000) / 100m,
            BaseQuantity = i % 4 == 3 ? 6m : null,
            VatCategory = Rates[Math.Abs(cents % Rates.Length)].Category,
            VatRate = Rates[Math.Abs(cents % Rates.Length)].Rate,
            AllowancesCharges = i % 5 == 1 ? [new AllowanceCharge { Amount = 0.10m, Reason = "Remise" }] : [],
        }).ToValueList(),
        AllowancesCharges = amountCents == 0 ? [] : [new AllowanceCharge { IsCharge = charge, Amount = Math.Abs(amountCents % 10_000) / 100m, VatCategory = VatCategory.S, VatRate = 20m, Reason = "x" }],
    };

    [Property(MaxTest = 300)]
    public bool Write_AnyVatInclusiveInvoiceInEitherSyntax_ReadsBackToTheCalculatorTotalsAndTheNetInvoice(NonEmptyArray<int> priceCents, int quantitySeed, int amountCents, bool charge, bool ubl)
    {
        var invoice = Random(priceCents.Get, quantitySeed, amountCents, charge);
        var totals = InvoiceCalculator.Calculate(invoice);
        using var xml = new MemoryStream();
        EInvoiceWriter.Write(invoice, ubl ? EInvoiceSyntax.Ubl : EInvoiceSyntax.Cii, xml);

        var document = EInvoiceReader.Read(xml.ToArray());

        return document.Syntax == (ubl ? EInvoiceSyntax.Ubl : EInvoiceSyntax.Cii)
            && document.StatedTotals == totals
            && document.Invoice == InvoiceCalculator.ToNetPrices(invoice)
            && InvoiceCalculator.Calculate(document.Invoice).LineNetAmounts == totals.LineNetAmounts;
    }

    [Fact]
    public void WriteCii_B2cSample_WritesTheDerivedNetFiguresAndTheSumOfThePricesAsGrandTotal()
    {
        var invoice = Sample();
        var net = InvoiceCalculator.ToNetPrices(invoice);

        var xml = XDocument.Load(new MemoryStream(CiiWriter.ToBytes(invoice)));

        Assert.Equal(
            net.Lines.Select(l => l.NetPrice),
            xml.Descendants(Ram + "NetPriceProductTradePrice").Select(p => decimal.Parse(p.Element(Ram + "ChargeAmount")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        // 6 x 0.99 + 2 x 7.90 + 3 x 0.99 + 4 x 0.99 - 0.50 + 0.99 + 4.90 = 34.06, the sum of what the buyer was shown.
        Assert.Equal("34.06", xml.Descendants(Ram + "GrandTotalAmount").Single().Value);
        Assert.Empty(CiiSchema.Validate(CiiWriter.ToBytes(invoice)));
    }

    [Fact]
    public void WriteUbl_B2cSample_IsSchemaValidAndStatesTheCalculatorTotals()
    {
        var invoice = Sample();
        var bytes = UblWriter.Write(invoice);

        Assert.Empty(UblSchema.Validate(bytes));
        var document = UblReader.Read(bytes);
        Assert.Equal(InvoiceCalculator.Calculate(invoice), document.StatedTotals);
        Assert.Equal(34.06m, document.StatedTotals.TaxInclusiveAmount);
        Assert.False(document.Invoice.PricesIncludeVat);
    }

    [Theory]
    [InlineData(FacturXProfile.Basic)]
    [InlineData(FacturXProfile.Extended)]
    public void WriteCii_B2cSampleInOtherProfiles_ReadsBackToTheSameTotals(FacturXProfile profile)
    {
        var invoice = Sample();

        var document = EInvoiceReader.Read(CiiWriter.ToBytes(invoice, profile));

        Assert.Equal(InvoiceCalculator.Calculate(invoice), document.StatedTotals);
    }
}
