using System.Text;
using System.Xml.Linq;
using Invoicing.Core;

namespace Invoicing.EInvoicing.Tests;

public sealed class CiiWriterTests
{
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

    private static XDocument Parse(byte[] bytes) => XDocument.Load(new MemoryStream(bytes));

    [Fact]
    public void ToBytes_SameInvoiceTwice_GivesTheSameBytes()
    {
        var first = CiiWriter.ToBytes(CiiSamples.Domestic());
        var second = CiiWriter.ToBytes(CiiSamples.Domestic() with { });

        Assert.Equal(first, second);
    }

    [Fact]
    public void ToBytes_Always_IsUtf8WithoutBomAndDeclaresUtf8()
    {
        var bytes = CiiWriter.ToBytes(CiiSamples.Domestic());

        Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        Assert.Contains("Île-de-France", text, StringComparison.Ordinal);
        Assert.Contains("&amp; à bientôt &lt;3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToBytes_Always_DeclaresTheFourCiiNamespacesWithTheirPrefixes()
    {
        var root = Parse(CiiWriter.ToBytes(CiiSamples.Domestic())).Root!;

        Assert.Equal(Rsm + "CrossIndustryInvoice", root.Name);
        Assert.Equal("urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100", root.GetNamespaceOfPrefix("ram")!.NamespaceName);
        Assert.Equal("urn:un:unece:uncefact:data:standard:QualifiedDataType:100", root.GetNamespaceOfPrefix("qdt")!.NamespaceName);
        Assert.Equal("urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100", root.GetNamespaceOfPrefix("udt")!.NamespaceName);
    }

    [Theory]
    [InlineData(FacturXProfile.Minimum, "urn:factur-x.eu:1p0:minimum")]
    [InlineData(FacturXProfile.BasicWl, "urn:factur-x.eu:1p0:basicwl")]
    [InlineData(FacturXProfile.Basic, "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic")]
    [InlineData(FacturXProfile.En16931, "urn:cen.eu:en16931:2017")]
    [InlineData(FacturXProfile.Extended, "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended")]
    public void ToBytes_Profile_WritesItsGuidelineIdInBt24(FacturXProfile profile, string expected)
    {
        var root = Parse(CiiWriter.ToBytes(CiiSamples.Domestic(), profile)).Root!;

        Assert.Equal(expected, root.Element(Rsm + "ExchangedDocumentContext")!.Element(Ram + "GuidelineSpecifiedDocumentContextParameter")!.Element(Ram + "ID")!.Value);
        Assert.Equal(profile, EInvoiceReader.Read(CiiWriter.ToBytes(CiiSamples.Domestic(), profile)).Profile);
    }

    [Fact]
    public void ToBytes_Totals_ComeFromTheCalculator()
    {
        var invoice = CiiSamples.Domestic();
        var expected = InvoiceCalculator.Calculate(invoice);

        var stated = EInvoiceReader.Read(CiiWriter.ToBytes(invoice)).StatedTotals;

        Assert.Equal(expected, stated);
    }

    [Theory]
    [InlineData("yen", "TaxBasisTotalAmount", "999")]
    [InlineData("yen", "TaxTotalAmount", "100")]
    [InlineData("dinar", "TaxBasisTotalAmount", "3.704")]
    [InlineData("dinar", "TaxTotalAmount", "0.185")]
    [InlineData("domestic", "LineTotalAmount", "906.40")]
    public void ToBytes_Amounts_HaveTheCurrencysMinorDigits(string sample, string element, string expected)
    {
        var root = Parse(CiiWriter.ToBytes(CiiSamples.Named(sample))).Root!;
        var summation = root.Descendants(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation").Single();

        Assert.Equal(expected, summation.Element(Ram + element)!.Value);
    }

    [Theory]
    [InlineData(VatDueDateType.InvoiceDate, "5")]
    [InlineData(VatDueDateType.DeliveryDate, "29")]
    [InlineData(VatDueDateType.PaymentDate, "72")]
    public void ToBytes_VatDueDateType_WritesItsCiiCodeAndReadsBack(VatDueDateType type, string code)
    {
        var invoice = CiiSamples.Domestic() with { VatPointDate = null, VatDueDateType = type };
        var bytes = CiiWriter.ToBytes(invoice);

        Assert.All(Parse(bytes).Descendants(Ram + "DueDateTypeCode"), e => Assert.Equal(code, e.Value));
        Assert.Equal(type, EInvoiceReader.Read(bytes).Invoice.VatDueDateType);
    }

    [Fact]
    public void ToBytes_FrenchNotesAndBillingMode_AreWrittenWithSubjectCodes()
    {
        var root = Parse(CiiWriter.ToBytes(CiiSamples.Domestic())).Root!;
        var notes = root.Element(Rsm + "ExchangedDocument")!.Elements(Ram + "IncludedNote").ToList();

        Assert.Equal(["PMT", "PMD", "AAB"], notes.Select(n => n.Element(Ram + "SubjectCode")?.Value).OfType<string>());
        Assert.Equal("M1", root.Element(Rsm + "ExchangedDocumentContext")!.Element(Ram + "BusinessProcessSpecifiedDocumentContextParameter")!.Element(Ram + "ID")!.Value);
    }

    [Theory]
    [MemberData(nameof(CiiSamples.Names), MemberType = typeof(CiiSamples))]
    public void ToBytes_En16931ThenRead_GivesAnEqualInvoice(string sample)
    {
        var invoice = CiiSamples.Named(sample);

        var read = EInvoiceReader.Read(CiiWriter.ToBytes(invoice, FacturXProfile.En16931));

        // LegalForm, ShareCapital and TradeRegister are print mentions with no CII element.
        Assert.Equal(invoice, read.Invoice);
        Assert.Equal(EInvoiceSyntax.Cii, read.Syntax);
    }

    [Theory]
    [MemberData(nameof(CiiSamples.Names), MemberType = typeof(CiiSamples))]
    public void Write_En16931_ReportsNoLoss(string sample)
    {
        using var output = new MemoryStream();

        var losses = CiiWriter.Write(CiiSamples.Named(sample), FacturXProfile.En16931, output);

        Assert.Empty(losses);
    }

    [Fact]
    public void Write_MinimumWithLines_ReportsTheLinesAsLostAndOmitsThem()
    {
        using var output = new MemoryStream();

        var losses = CiiWriter.Write(CiiSamples.Domestic(), FacturXProfile.Minimum, output);

        Assert.Contains(losses, l => l.Path == "lines" && l.RuleId == "CII-PROFILE" && l.Severity == ValidationSeverity.Warning);
        Assert.Contains(losses, l => l.Path == "notes");
        Assert.Contains(losses, l => l.Path == "buyer.address");
        Assert.Empty(Parse(output.ToArray()).Descendants(Ram + "IncludedSupplyChainTradeLineItem"));
    }

    [Fact]
    public void Write_BasicWithItemDetails_ReportsEachLostLineField()
    {
        using var output = new MemoryStream();

        var losses = CiiWriter.Write(CiiSamples.Domestic(), FacturXProfile.Basic, output);

        Assert.Contains(losses, l => l.Path == "lines[0].description");
        Assert.Contains(losses, l => l.Path == "lines[0].classificationIds");
        Assert.Contains(losses, l => l.Path == "seller.contact");
        Assert.DoesNotContain(losses, l => l.Path == "lines");
        Assert.Empty(Parse(output.ToArray()).Descendants(Ram + "DefinedTradeContact"));
    }

    [Fact]
    public void Write_LossWhenAskedToThrow_ThrowsNamingEachFieldAndWritesNothing()
    {
        using var output = new MemoryStream();

        var error = Assert.Throws<InvoiceValidationException>(() => CiiWriter.Write(CiiSamples.Domestic(), FacturXProfile.BasicWl, output, throwOnDataLoss: true));

        Assert.Contains(error.Issues, i => i.Path == "lines" && i.RuleId == "CII-PROFILE" && i.Severity == ValidationSeverity.Error);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void Write_InvoiceThatCannotBeComputed_ThrowsTheCalculatorsError()
    {
        var invoice = CiiSamples.Domestic() with { Lines = [new InvoiceLine { Id = "1", ItemName = "x", Quantity = 1m, NetPrice = 1m, VatCategory = VatCategory.S }] };

        var error = Assert.Throws<InvoiceValidationException>(() => CiiWriter.ToBytes(invoice));

        Assert.Contains(error.Issues, i => i.RuleId == "BR-S-05" && i.Path == "lines[0].vatRate");
    }

    [Theory]
    [InlineData("Bell\u0007")]
    [InlineData("Not a character \uFFFF")]
    public void ToBytes_TextXmlCannotCarry_IsATypedError(string name)
    {
        var invoice = CiiSamples.Domestic() with { Buyer = CiiSamples.Buyer with { Name = name } };

        var error = Assert.Throws<InvoiceValidationException>(() => CiiWriter.ToBytes(invoice));

        Assert.Contains(error.Issues, i => i.RuleId == "XML-CHAR" && i.Path == "Name");
    }

    [Fact]
    public void ToBytes_LoneSurrogate_IsATypedError()
    {
        var invoice = CiiSamples.Domestic() with { Buyer = CiiSamples.Buyer with { Name = "Lone " + (char)0xD800 + " surrogate" } };

        var error = Assert.Throws<InvoiceValidationException>(() => CiiWriter.ToBytes(invoice));

        Assert.Contains(error.Issues, i => i.RuleId == "XML-CHAR" && i.Path == "Name");
    }

    [Fact]
    public void ToBytes_MarkupAndLineBreaksInText_ReadBackAsWritten()
    {
        var invoice = CiiSamples.Domestic() with { PaymentTerms = "a < b & c > d \"quoted\" 'single'\nsecond line\ttab 😀" };

        Assert.Equal(invoice, EInvoiceReader.Read(CiiWriter.ToBytes(invoice)).Invoice);
    }

    [Fact]
    public void Write_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => CiiWriter.Write(null!, FacturXProfile.En16931, new MemoryStream()));
        Assert.Throws<ArgumentNullException>(() => CiiWriter.Write(CiiSamples.Domestic(), FacturXProfile.En16931, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => CiiWriter.ToBytes(CiiSamples.Domestic(), (FacturXProfile)42));
    }

    [Fact]
    public void ToBytes_LinesScaleLinearly_EveryLineIsWritten()
    {
        var bytes = CiiWriter.ToBytes(CiiSamples.WithLines(1000));

        Assert.Equal(1000, Parse(bytes).Descendants(Ram + "IncludedSupplyChainTradeLineItem").Count());
        Assert.Equal(1000, EInvoiceReader.Read(bytes).Invoice.Lines.Count);
    }

    [Fact]
    public void Write_ThroughTheFacade_WritesCii()
    {
        using var output = new MemoryStream();

        var losses = EInvoiceWriter.Write(CiiSamples.Domestic(), EInvoiceSyntax.Cii, output);

        Assert.Empty(losses);
        Assert.Equal(CiiWriter.ToBytes(CiiSamples.Domestic()), output.ToArray());
    }
}
