using System.Text;
using Invoicing.Core;

namespace Invoicing.EInvoicing.Tests;

public sealed class CiiReaderTests
{
    private static string Sample() => Encoding.UTF8.GetString(CiiWriter.ToBytes(CiiSamples.Domestic()));

    private static EInvoiceDocument Read(string xml) => EInvoiceReader.Read(Encoding.UTF8.GetBytes(xml));

    private static InvoiceFormatException Fails(string xml) => Assert.Throws<InvoiceFormatException>(() => Read(xml));

    [Fact]
    public void Read_CorpusExample1_ReadsTheStatedFacts()
    {
        var document = EInvoiceReader.Read(File.ReadAllBytes(CiiTestPaths.Corpus("en16931/cii-examples/CII_example1.xml")));

        Assert.Equal(20, document.Invoice.Lines.Count);
        Assert.Equal(229.60m, document.StatedTotals.TaxExclusiveAmount);
        Assert.Equal(250.33m, document.StatedTotals.TaxInclusiveAmount);
        Assert.Equal([new VatBreakdown(VatCategory.S, 6m, 183.23m, 10.99m), new VatBreakdown(VatCategory.S, 21m, 46.37m, 9.74m)], document.StatedTotals.VatBreakdown);
        Assert.Equal(FacturXProfile.En16931, document.Profile);
    }

    [Fact]
    public void Read_OtherPrefixesAndDefaultNamespace_ReadsTheSameInvoice()
    {
        var renamed = Sample()
            .Replace("rsm:", "inv:", StringComparison.Ordinal).Replace("xmlns:rsm=", "xmlns:inv=", StringComparison.Ordinal)
            .Replace("ram:", string.Empty, StringComparison.Ordinal).Replace("xmlns:ram=", "xmlns=", StringComparison.Ordinal);

        Assert.Equal(CiiSamples.Domestic(), Read(renamed).Invoice);
    }

    [Fact]
    public void Read_BomWhitespaceAndComments_AreTolerated()
    {
        var text = Sample().Replace("<ram:ID>F2026-00042</ram:ID>", "<ram:ID>\n   F2026-00042  </ram:ID><!-- note -->", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        Assert.Equal("F2026-00042", EInvoiceReader.Read(bytes).Invoice.Number);
    }

    [Fact]
    public void Read_Utf16WithBom_IsRead()
    {
        var text = Sample().Replace("encoding=\"utf-8\"", "encoding=\"utf-16\"", StringComparison.Ordinal);
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        Assert.Equal(CiiSamples.Domestic(), EInvoiceReader.Read(bytes).Invoice);
    }

    [Fact]
    public void Read_BillionLaughs_IsRefusedAsADtd()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            ]>
            <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">&lol4;</rsm:CrossIndustryInvoice>
            """;

        var error = Fails(xml);

        Assert.Contains("XML-DTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExternalEntity_IsRefusedAndNothingIsFetched()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">&xxe;</rsm:CrossIndustryInvoice>
            """;

        var error = Fails(xml);

        Assert.Contains("XML-DTD", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HugeDepth_IsRefusedWithTheDepthLimit()
    {
        var xml = new StringBuilder("<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\">");
        for (var i = 0; i < 100_000; i++)
        {
            xml.Append("<a>");
        }

        var error = Fails(xml.ToString());

        Assert.Contains("XML-DEPTH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LargerThanTheSizeLimit_IsRefused()
    {
        var padding = new string('x', 33 * 1024 * 1024);
        var xml = Sample().Replace("<ram:Content>Merci", "<ram:Content>" + padding, StringComparison.Ordinal);

        var error = Fails(xml);

        Assert.Contains("XML-SIZE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Truncated_IsNotWellFormedWithItsLine()
    {
        var text = Sample();

        var error = Fails(text[..(text.Length / 2)]);

        Assert.Contains("XML-WELLFORMED", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("line ", error.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not xml at all")]
    [InlineData("{\"number\":\"F1\"}")]
    public void Read_NotXml_IsAFormatError(string input) => Fails(input);

    [Fact]
    public void Read_WrongRoot_NamesTheRootElement()
    {
        var error = Fails("<Order xmlns=\"urn:example:order\"><ID>1</ID></Order>");

        Assert.Contains("XML-ROOT", error.Message, StringComparison.Ordinal);
        Assert.Equal("/Order", error.Path);
    }

    [Fact]
    public void Read_RightNameWrongNamespace_IsRefused()
    {
        var error = Fails("<CrossIndustryInvoice xmlns=\"urn:example\"/>");

        Assert.Contains("XML-ROOT", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<ram:ChargeAmount>450.00</ram:ChargeAmount>", "<ram:ChargeAmount>4,50</ram:ChargeAmount>", "ChargeAmount")]
    [InlineData("<ram:ChargeAmount>450.00</ram:ChargeAmount>", "<ram:ChargeAmount>1e3</ram:ChargeAmount>", "ChargeAmount")]
    [InlineData("<ram:BilledQuantity unitCode=\"C62\">2</ram:BilledQuantity>", "<ram:BilledQuantity unitCode=\"C62\">two</ram:BilledQuantity>", "BilledQuantity")]
    [InlineData("<ram:BilledQuantity unitCode=\"C62\">2</ram:BilledQuantity>", "<ram:BilledQuantity unitCode=\"C62\">99999999999999999999999999999999</ram:BilledQuantity>", "BilledQuantity")]
    [InlineData("<ram:RateApplicablePercent>20</ram:RateApplicablePercent>", "<ram:RateApplicablePercent>20%</ram:RateApplicablePercent>", "RateApplicablePercent")]
    public void Read_MalformedNumber_NamesTheElementPath(string original, string replacement, string element)
    {
        var error = Fails(ReplaceFirst(Sample(), original, replacement));

        Assert.Contains("XML-NUMBER", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(element, error.Path, StringComparison.Ordinal);
        Assert.StartsWith("/CrossIndustryInvoice/SupplyChainTradeTransaction/", error.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20260315", "2026-03-15")]
    [InlineData("20260315", "20260230")]
    [InlineData("20260315", "20261315")]
    [InlineData("20260315", "")]
    public void Read_MalformedIssueDate_NamesTheElement(string original, string replacement)
    {
        var text = ReplaceFirst(Sample(), $"format=\"102\">{original}<", $"format=\"102\">{replacement}<");

        var error = Fails(text);

        Assert.Equal("/CrossIndustryInvoice/ExchangedDocument/IssueDateTime/DateTimeString", error.Path);
        Assert.Contains("XML-DATE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DateInAnotherFormat_IsRefused()
    {
        var error = Fails(ReplaceFirst(Sample(), "format=\"102\">20260315<", "format=\"610\">202603<"));

        Assert.Contains("format 102", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<ram:ID>F2026-00042</ram:ID>", "", "/CrossIndustryInvoice/ExchangedDocument/ID", "BT-1")]
    [InlineData("<ram:ID>F2026-00042</ram:ID>", "<ram:ID>  </ram:ID>", "/CrossIndustryInvoice/ExchangedDocument/ID", "BT-1")]
    [InlineData("<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>", "", "/CrossIndustryInvoice/SupplyChainTradeTransaction/ApplicableHeaderTradeSettlement/InvoiceCurrencyCode", "BT-5")]
    [InlineData("<ram:Name>Table en chêne</ram:Name>", "", "/CrossIndustryInvoice/SupplyChainTradeTransaction/IncludedSupplyChainTradeLineItem[1]/SpecifiedTradeProduct/Name", "BT-153")]
    [InlineData("<ram:Name>Atelier Dupont SAS</ram:Name>", "", "/CrossIndustryInvoice/SupplyChainTradeTransaction/ApplicableHeaderTradeAgreement/SellerTradeParty/Name", "BT-27")]
    [InlineData("<ram:TypeCode>380</ram:TypeCode>", "", "/CrossIndustryInvoice/ExchangedDocument/TypeCode", "BT-3")]
    [InlineData("<ram:DuePayableAmount>991.19</ram:DuePayableAmount>", "", "/CrossIndustryInvoice/SupplyChainTradeTransaction/ApplicableHeaderTradeSettlement/SpecifiedTradeSettlementHeaderMonetarySummation/DuePayableAmount", "BT-115")]
    public void Read_MandatoryElementMissing_NamesItsPathAndTerm(string original, string replacement, string path, string term)
    {
        var text = Sample();
        Assert.Contains(original, text, StringComparison.Ordinal);

        var error = Fails(ReplaceFirst(text, original, replacement));

        Assert.Equal(path, error.Path);
        Assert.Contains(term, error.Message, StringComparison.Ordinal);
        Assert.Contains("XML-MANDATORY", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>", "<ram:InvoiceCurrencyCode>XXX</ram:InvoiceCurrencyCode>", "BT-5")]
    [InlineData("<ram:CategoryCode>S</ram:CategoryCode>", "<ram:CategoryCode>Q</ram:CategoryCode>", "BT-151")]
    [InlineData("<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>invoice</ram:TypeCode>", "BT-3")]
    [InlineData("</ram:TaxPointDate>", "</ram:TaxPointDate><ram:DueDateTypeCode>3</ram:DueDateTypeCode>", "BT-8")]
    [InlineData("<udt:Indicator>false</udt:Indicator>", "<udt:Indicator>maybe</udt:Indicator>", "XML-BOOLEAN")]
    public void Read_UnknownCode_NamesTheListAndElement(string original, string replacement, string expected)
    {
        var error = Fails(ReplaceFirst(Sample(), original, replacement));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("/CrossIndustryInvoice/", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => EInvoiceReader.Read((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => EInvoiceReader.Read((byte[])null!));
    }

    [Fact]
    public void CiiReader_UblDocument_IsRefused()
    {
        const string ubl = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>";

        Assert.ThrowsAny<InvoiceFormatException>(() => CiiReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(ubl))));
    }

    private static string ReplaceFirst(string text, string original, string replacement)
    {
        var index = text.IndexOf(original, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{original}' not in the sample");
        return string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + original.Length));
    }
}
