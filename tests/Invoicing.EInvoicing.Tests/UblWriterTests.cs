using System.Text;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.EInvoicing.Tests;

public sealed class UblWriterTests
{
    private static readonly XNamespace Cbc = UblNames.Cbc;
    private static readonly XNamespace Cac = UblNames.Cac;

    public static TheoryData<string> Names() => CiiSamples.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void Write_Sample_ReadsBackToTheSameInvoice(string name)
    {
        var invoice = CiiSamples.Named(name);

        var document = UblReader.Read(UblWriter.Write(invoice));

        Assert.Equal(invoice with { Seller = invoice.Seller with { LegalForm = null, ShareCapital = null, TradeRegister = null } }, document.Invoice);
        Assert.StartsWith(UblNames.En16931CustomizationId, document.SpecificationId, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Write_Sample_StatesTheCalculatorTotals(string name)
    {
        var invoice = CiiSamples.Named(name);

        var stated = UblReader.Read(UblWriter.Write(invoice)).StatedTotals;
        var computed = InvoiceCalculator.Calculate(invoice);

        Assert.Equal(computed.LineNetTotal, stated.LineNetTotal);
        Assert.Equal(computed.TaxExclusiveAmount, stated.TaxExclusiveAmount);
        Assert.Equal(computed.VatTotal, stated.VatTotal);
        Assert.Equal(computed.TaxInclusiveAmount, stated.TaxInclusiveAmount);
        Assert.Equal(computed.AmountDue, stated.AmountDue);
        Assert.Equal(computed.LineNetAmounts, stated.LineNetAmounts);
        Assert.Equal(computed.VatBreakdown, stated.VatBreakdown);
    }

    /// <summary>The samples but the dinar one: UBL-DT-01 allows two fraction digits only, which a three-digit currency cannot meet.</summary>
    public static TheoryData<string> RuleNames() => new(["domestic", "intra-eu-k", "reverse-charge-ae", "export-g", "franchise-e", "credit-note", "out-of-scope-o", "yen", "many-lines"]);

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Write_Sample_BreaksNoEn16931Rule(string name)
    {
        var issues = UblSyntaxRules.Validate(UblWriter.Write(CiiSamples.Named(name)));

        Assert.DoesNotContain(issues, i => i.Severity == ValidationSeverity.Error);
    }

    [Fact]
    public void Write_BothVatPointDateAndDueDateCode_IsReportedByTheRules()
    {
        // Both a VAT point date (BT-7) and a VAT due date code (BT-8): EN 16931 forbids both.
        var bothVatDates = CiiSamples.Domestic() with { VatDueDateType = VatDueDateType.InvoiceDate };
        var issues = UblSyntaxRules.Validate(UblWriter.Write(bothVatDates));

        Assert.Contains(issues, i => i.RuleId == "BR-CO-03");
    }

    [Fact]
    public void Write_SameInvoiceTwice_GivesTheSameBytes()
    {
        var first = UblWriter.Write(CiiSamples.Domestic());
        var second = UblWriter.Write(CiiSamples.Domestic());

        Assert.Equal(first, second);
        Assert.False(first.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte order mark");
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(first), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FrenchInvoice_UsesEn16931IdsNamespacesAndCurrencyOnEveryAmount()
    {
        var root = XDocument.Parse(Encoding.UTF8.GetString(UblWriter.Write(CiiSamples.Domestic()))).Root!;

        // Several notes and a French billing mode break Peppol rules R002 and R007: the document says EN 16931 only.
        Assert.Equal(XName.Get("Invoice", UblNames.InvoiceNamespace), root.Name);
        Assert.Equal(UblNames.En16931CustomizationId, (string?)root.Element(Cbc + "CustomizationID"));
        Assert.Equal("M1", (string?)root.Element(Cbc + "ProfileID"));
        Assert.Equal("cbc", root.GetPrefixOfNamespace(Cbc));
        Assert.Equal("cac", root.GetPrefixOfNamespace(Cac));
        var amounts = root.Descendants().Where(e => e.Name.LocalName.EndsWith("Amount", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(amounts);
        Assert.All(amounts, a => Assert.Equal("EUR", (string?)a.Attribute("currencyID")));
    }

    [Fact]
    public void Write_NoBusinessProcess_WritesThePeppolProfile()
    {
        var invoice = CiiSamples.Simple(VatCategory.S, 20m) with { BuyerReference = "BR-77", BusinessProcessType = null, Notes = [] };

        var root = XDocument.Parse(Encoding.UTF8.GetString(UblWriter.Write(invoice))).Root!;

        Assert.Equal(UblNames.PeppolCustomizationId, (string?)root.Element(Cbc + "CustomizationID"));
        Assert.Equal(UblNames.PeppolProfileId, (string?)root.Element(Cbc + "ProfileID"));
    }

    [Fact]
    public void Write_CreditNote_UsesTheCreditNoteDocument()
    {
        var invoice = CiiSamples.Named("credit-note");

        var root = XDocument.Parse(Encoding.UTF8.GetString(UblWriter.Write(invoice))).Root!;

        Assert.Equal(XName.Get("CreditNote", UblNames.CreditNoteNamespace), root.Name);
        Assert.Equal("381", (string?)root.Element(Cbc + "CreditNoteTypeCode"));
        Assert.NotEmpty(root.Elements(Cac + "CreditNoteLine"));
        Assert.NotNull(root.Element(Cac + "CreditNoteLine")!.Element(Cbc + "CreditedQuantity"));
        Assert.Null(root.Element(Cbc + "DueDate"));
        Assert.Equal("2026-06-01", (string?)root.Element(Cac + "PaymentTerms")!.Element(Cbc + "PaymentDueDate"));
        Assert.Equal("F2026-00100", (string?)root.Element(Cac + "BillingReference")!.Element(Cac + "InvoiceDocumentReference")!.Element(Cbc + "ID"));
    }

    [Theory]
    [InlineData(VatDueDateType.InvoiceDate, "3")]
    [InlineData(VatDueDateType.DeliveryDate, "35")]
    [InlineData(VatDueDateType.PaymentDate, "432")]
    public void Write_VatDueDateType_UsesTheUntdid2005Code(VatDueDateType type, string code)
    {
        var invoice = CiiSamples.Simple(VatCategory.S, 20m) with { VatDueDateType = type };

        var bytes = UblWriter.Write(invoice);
        var root = XDocument.Parse(Encoding.UTF8.GetString(bytes)).Root!;

        Assert.Equal(code, (string?)root.Element(Cac + "InvoicePeriod")!.Element(Cbc + "DescriptionCode"));
        Assert.Equal(type, UblReader.Read(bytes).Invoice.VatDueDateType);
    }

    [Fact]
    public void Write_Yen_WritesNoMinorDigits()
    {
        var root = XDocument.Parse(Encoding.UTF8.GetString(UblWriter.Write(CiiSamples.Named("yen")))).Root!;

        Assert.Equal("999", (string?)root.Element(Cac + "LegalMonetaryTotal")!.Element(Cbc + "LineExtensionAmount"));
    }

    [Fact]
    public void Write_Dinar_WritesThreeMinorDigits()
    {
        var root = XDocument.Parse(Encoding.UTF8.GetString(UblWriter.Write(CiiSamples.Named("dinar")))).Root!;

        Assert.Equal("3.704", (string?)root.Element(Cac + "LegalMonetaryTotal")!.Element(Cbc + "LineExtensionAmount"));
    }

    [Fact]
    public void Write_Draft_IsRefusedNamingBr02()
    {
        var draft = CiiSamples.Domestic() with { Number = null };

        var exception = Assert.Throws<InvoiceValidationException>(() => UblWriter.Write(draft));

        Assert.Equal("BR-02", exception.Issues[0].RuleId);
        Assert.Equal("number", exception.Issues[0].Path);
    }

    [Fact]
    public void Write_LineWithoutVatRateForStandardCategory_IsRefusedByTheCalculator()
    {
        var invoice = CiiSamples.Simple(VatCategory.S, null);

        var exception = Assert.Throws<InvoiceValidationException>(() => UblWriter.Write(invoice));

        Assert.Equal("BR-S-05", exception.Issues[0].RuleId);
    }

    [Fact]
    public void Write_FrenchMentionsOutsideEn16931_AreReportedAsLost()
    {
        var invoice = CiiSamples.Domestic() with { Seller = CiiSamples.Seller with { LegalForm = "SAS", ShareCapital = "10 000 EUR" } };
        using var stream = new MemoryStream();

        var losses = UblWriter.Write(invoice, stream);

        Assert.Contains(losses, l => l.RuleId == "UBL-LOSS" && l.Path == "seller");
    }

    [Fact]
    public void Write_ThroughTheFacade_WritesUbl()
    {
        using var stream = new MemoryStream();

        var losses = EInvoiceWriter.Write(CiiSamples.Domestic(), EInvoiceSyntax.Ubl, stream);

        Assert.Empty(losses);
        Assert.Equal(EInvoiceSyntax.Ubl, EInvoiceReader.Read(stream.ToArray()).Syntax);
    }

    [Fact]
    public void Write_DirectDebit_CarriesMandateCreditorAndDebitedAccount()
    {
        var invoice = CiiSamples.Simple(VatCategory.S, 20m) with
        {
            PaymentInstructions = new PaymentInstructions
            {
                MeansCode = PaymentInstructions.SepaDirectDebit,
                DirectDebit = new DirectDebit("MANDATE-1", "FR12ZZZ123456", "FR7630006000011234567890189"),
                Card = new PaymentCard("1234", "M. Martin"),
            },
        };

        var read = UblReader.Read(UblWriter.Write(invoice)).Invoice;

        Assert.Equal(invoice.PaymentInstructions, read.PaymentInstructions);
        Assert.Equal(invoice.Seller.Identifiers, read.Seller.Identifiers);
    }

    [Property(MaxTest = 60)]
    public Property Write_RandomLines_ReadBackEqualWithStatedTotalsFromTheCalculator()
    {
        var lines = Gen.Choose(1, 12).SelectMany(count => Gen.ListOf(
            Gen.Choose(-50, 5000).SelectMany(quantity => Gen.Choose(0, 99999).SelectMany(price => Gen.Elements(20m, 10m, 5.5m, 2.1m).Select(rate =>
                (Quantity: quantity / 10m, Price: price / 100m, Rate: rate)))), count));
        return Prop.ForAll(lines.ToArbitrary(), generated =>
        {
            var invoice = CiiSamples.Simple(VatCategory.S, 20m) with
            {
                Lines = generated.Select((l, i) => new InvoiceLine
                {
                    Id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ItemName = "Item",
                    Quantity = l.Quantity,
                    NetPrice = l.Price,
                    VatCategory = VatCategory.S,
                    VatRate = l.Rate,
                }).ToValueList(),
            };
            var document = UblReader.Read(UblWriter.Write(invoice));
            var computed = InvoiceCalculator.Calculate(invoice);
            return document.Invoice == invoice
                && document.StatedTotals.AmountDue == computed.AmountDue
                && document.StatedTotals.VatBreakdown == computed.VatBreakdown;
        });
    }
}
