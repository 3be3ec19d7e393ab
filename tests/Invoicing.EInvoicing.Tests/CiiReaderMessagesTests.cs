using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Xunit;
using Invoicing.Core;

namespace Invoicing.EInvoicing.Tests;

/// <summary>
/// What the CII reader says when it refuses a file: the field in words, with its EN 16931 term and, on a line, the
/// line; the element path; never a .NET type name or the XML library's own text. And the limits, still on while it streams.
/// </summary>
public sealed partial class CiiReaderMessagesTests
{
    private const string Root = "<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\" xmlns:ram=\"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100\">";

    /// <summary>Phrases of .NET and of its XML reader that a user must never be shown.</summary>
    /// <summary>What a mutation writes in place of a few characters: numbers, dates, markup and codes gone wrong.</summary>
    private static readonly string[] Mutations =
        ["", " ", "12,50", "1e3", "-", "x", "99999999999999999999999999999999", "2026-02-30", "&amp;", "<", "</ram:ID>", "<a>", "true", "Q", "\u00e9", "&lt;", "]]>"];

    /// <summary>The invoice number (BT-1) element, after the opening of the header (group 1).</summary>
    private const string InvoiceNumber = "(<rsm:ExchangedDocument>\\s*)<ram:ID>[^<]*</ram:ID>";

    private static string Sample(int lines = 5) => Encoding.UTF8.GetString(CiiWriter.ToBytes(CiiSamples.WithLines(lines)));

    private static InvoiceFormatException Fails(string xml) => Assert.Throws<InvoiceFormatException>(() => EInvoiceReader.Read(Encoding.UTF8.GetBytes(xml)));

    [Fact]
    public void Read_InvoiceNumberMissing_SaysWhichFieldInWords()
    {
        var error = Fails(ReplaceNth(Sample(), InvoiceNumber, 1, "$1"));

        Assert.StartsWith("The invoice number (BT-1) is missing or empty", error.Message, StringComparison.Ordinal);
        Assert.Equal("/CrossIndustryInvoice/ExchangedDocument/ID", error.Path);
    }

    [Fact]
    public void Read_LineAmountWithAComma_NamesTheLineAndWhatWasWritten()
    {
        var text = ReplaceNth(Sample(), "<ram:LineTotalAmount>[^<]*</ram:LineTotalAmount>", 3, "<ram:LineTotalAmount>12,50</ram:LineTotalAmount>");

        var error = Fails(text);

        Assert.StartsWith("The line net amount (BT-131) of line 3 must be a number written like 1234.56", error.Message, StringComparison.Ordinal);
        Assert.Contains("got \"12,50\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(
            "/CrossIndustryInvoice/SupplyChainTradeTransaction/IncludedSupplyChainTradeLineItem[3]/SpecifiedLineTradeSettlement/SpecifiedTradeSettlementLineMonetarySummation/LineTotalAmount",
            error.Path);
    }

    [Fact]
    public void Read_QuantityTooLarge_SaysSoRatherThanNotANumber()
    {
        var error = Fails(ReplaceNth(Sample(1), "(<ram:BilledQuantity[^>]*>)[^<]*<", 1, "${1}99999999999999999999999999999999<"));

        Assert.StartsWith("The invoiced quantity (BT-129) of line 1 is too large a number", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("/IncludedSupplyChainTradeLineItem/SpecifiedLineTradeDelivery/BilledQuantity", error.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-15", "must be a date written yyyyMMdd (format 102), got \"2026-03-15\"")]
    [InlineData("20260230", "is not a date of the calendar: \"20260230\"")]
    public void Read_BadIssueDate_SaysWhatADateMustLookLike(string date, string expected)
    {
        var error = Fails(ReplaceNth(Sample(), "(<ram:IssueDateTime>\\s*<udt:DateTimeString format=\"102\">)[0-9]+<", 1, "${1}" + date + "<"));

        Assert.StartsWith("The issue date (BT-2) " + expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("/CrossIndustryInvoice/ExchangedDocument/IssueDateTime/DateTimeString", error.Path);
    }

    [Fact]
    public void Read_UnknownCurrency_NamesTheFieldAndTheList()
    {
        var error = Fails(Sample().Replace("<ram:InvoiceCurrencyCode>EUR<", "<ram:InvoiceCurrencyCode>EURO<", StringComparison.Ordinal));

        Assert.StartsWith("The invoice currency code (BT-5) must be one of the ISO 4217 currency codes (EUR, USD...), got \"EURO\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownLineVatCategory_NamesTheLine()
    {
        var error = Fails(ReplaceNth(Sample(), "<ram:CategoryCode>S</ram:CategoryCode>", 2, "<ram:CategoryCode>Q</ram:CategoryCode>"));

        Assert.StartsWith("The VAT category code (BT-151) of line 2 must be one of the EN 16931 VAT categories", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("/IncludedSupplyChainTradeLineItem[2]/SpecifiedLineTradeSettlement/ApplicableTradeTax/CategoryCode", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Truncated_SaysTheFileIsCutOffWithoutTheLibraryText()
    {
        var text = Sample();

        var error = Fails(text[..(text.Length * 2 / 3)]);

        Assert.Contains("XML-WELLFORMED", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("The XML ends too early: the element /CrossIndustryInvoice/", error.Message, StringComparison.Ordinal);
        AssertInUserWords(error);
        Assert.StartsWith("line ", error.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<a><b></a>")]
    [InlineData("<a x=1/>")]
    [InlineData("<a>&nbsp;</a>")]
    [InlineData("<a>\u0001</a>")]
    [InlineData("")]
    public void Read_NotWellFormed_SaysSoInUserWords(string xml)
    {
        var error = Fails(xml);

        Assert.Contains("XML-WELLFORMED", error.Message, StringComparison.Ordinal);
        AssertInUserWords(error);
    }

    [Fact]
    public void Read_TextAfterTheRoot_IsRefusedAfterAValidInvoice()
    {
        var error = Fails(Sample() + "<rsm:CrossIndustryInvoice/>");

        Assert.StartsWith("The XML is not well formed after the root element", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFieldAndBrokenXmlFurtherOn_ReportsTheBrokenXml()
    {
        // Read whole, the file was refused for its XML before any field was looked at; streamed, it still is.
        var text = ReplaceNth(Sample(), InvoiceNumber, 1, "$1");

        var error = Fails(text[..(text.Length - 40)]);

        Assert.Contains("XML-WELLFORMED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DeepNestingInsideAnElementTheReaderSkips_IsStillRefused()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 100)) + string.Concat(Enumerable.Repeat("</x>", 100));
        var text = Sample().Replace("<rsm:ExchangedDocument>", "<rsm:ExchangedDocument><ram:Unknown>" + deep + "</ram:Unknown>", StringComparison.Ordinal);

        var error = Fails(text);

        Assert.Contains("XML-DEPTH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DeepNestingInsideAValue_IsStillRefused()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 100)) + "F1" + string.Concat(Enumerable.Repeat("</x>", 100));
        var text = ReplaceNth(Sample(), InvoiceNumber, 1, "$1<ram:ID>" + deep + "</ram:ID>");

        var error = Fails(text);

        Assert.Contains("XML-DEPTH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NestingJustUnderTheLimit_IsRead()
    {
        // ExchangedDocument is at depth 1 and Unknown at 2: 61 more levels reach depth 63, the deepest allowed.
        var depth = 63 - 2;
        var deep = string.Concat(Enumerable.Repeat("<x>", depth)) + string.Concat(Enumerable.Repeat("</x>", depth));
        var text = Sample().Replace("<rsm:ExchangedDocument>", "<rsm:ExchangedDocument><ram:Unknown>" + deep + "</ram:Unknown>", StringComparison.Ordinal);

        Assert.Equal(CiiSamples.WithLines(5), EInvoiceReader.Read(Encoding.UTF8.GetBytes(text)).Invoice);

        var tooDeep = text.Replace("<ram:Unknown>", "<ram:Unknown><x>", StringComparison.Ordinal).Replace("</ram:Unknown>", "</x></ram:Unknown>", StringComparison.Ordinal);
        Assert.Contains("XML-DEPTH", Fails(tooDeep).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HugeTextInAValue_IsRefusedWithTheSizeLimit()
    {
        var text = ReplaceNth(Sample(), InvoiceNumber, 1, "$1<ram:ID>" + new string('7', 33 * 1024 * 1024) + "</ram:ID>");

        var error = Fails(text);

        Assert.Contains("XML-SIZE", error.Message, StringComparison.Ordinal);
        AssertInUserWords(error);
    }

    [Fact]
    public void Read_ExternalEntityInAValue_IsRefusedAsADtd()
    {
        var text = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"http://example.invalid/\">]>" + Root + "<rsm:ExchangedDocument><ram:ID>&xxe;</ram:ID></rsm:ExchangedDocument></rsm:CrossIndustryInvoice>";

        var error = Fails(text);

        Assert.Contains("XML-DTD", error.Message, StringComparison.Ordinal);
        AssertInUserWords(error);
    }

    [Fact]
    public void Read_WrongRootAndBrokenFurtherOn_ReportsTheBrokenXml()
    {
        var error = Fails("<Order xmlns=\"urn:example:order\"><ID>1</ID>");

        Assert.Contains("XML-WELLFORMED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OnlyTheRoot_NamesTheFirstMissingPart()
    {
        var error = Fails(Root + "</rsm:CrossIndustryInvoice>");

        Assert.StartsWith("The document context (BG-2) is missing", error.Message, StringComparison.Ordinal);
        Assert.Equal("/CrossIndustryInvoice/ExchangedDocumentContext", error.Path);
    }

    [Fact]
    public void Read_SecondLineOfTwoNamesItsPosition_TheOnlyLineDoesNot()
    {
        var two = Fails(ReplaceNth(Sample(2), "<ram:LineID>[^<]*</ram:LineID>", 2, "<ram:LineID></ram:LineID>"));
        var one = Fails(ReplaceNth(Sample(1), "<ram:LineID>[^<]*</ram:LineID>", 1, "<ram:LineID></ram:LineID>"));

        Assert.Equal("/CrossIndustryInvoice/SupplyChainTradeTransaction/IncludedSupplyChainTradeLineItem[2]/AssociatedDocumentLineDocument/LineID", two.Path);
        Assert.Equal("/CrossIndustryInvoice/SupplyChainTradeTransaction/IncludedSupplyChainTradeLineItem/AssociatedDocumentLineDocument/LineID", one.Path);
        Assert.StartsWith("The line identifier (BT-126) of line 2 is missing", two.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ElementsInAnotherOrder_ReadTheSameInvoice()
    {
        var document = System.Xml.Linq.XDocument.Parse(Sample());
        foreach (var element in document.Descendants().Where(e => e.HasElements).ToList())
        {
            // Reverse the order of the names, keeping namesakes (lines, notes, taxes) in their order.
            var groups = element.Elements().GroupBy(e => e.Name).Reverse().SelectMany(g => g).ToList();
            element.ReplaceNodes(groups);
        }

        var reordered = EInvoiceReader.Read(Encoding.UTF8.GetBytes(document.ToString()));

        Assert.Equal(EInvoiceReader.Read(Encoding.UTF8.GetBytes(Sample())), reordered);
    }

    [Fact]
    public void Read_FirstOfARepeatedSingleElementWins()
    {
        var text = Sample().Replace("<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>", "<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode><ram:InvoiceCurrencyCode>USD</ram:InvoiceCurrencyCode>", StringComparison.Ordinal);

        Assert.Equal(Currency.Eur, EInvoiceReader.Read(Encoding.UTF8.GetBytes(text)).Invoice.Currency);
    }

    [Property(MaxTest = 300)]
    public bool Read_AnyTruncation_ReadsOrSaysWhatIsWrongInUserWords(NonNegativeInt cut)
    {
        var bytes = CiiWriter.ToBytes(CiiSamples.Domestic());

        return ReadsOrRefusesInUserWords(bytes[..(cut.Get % (bytes.Length + 1))]);
    }

    [Property(MaxTest = 500)]
    public bool Read_AnyMutation_ReadsOrSaysWhatIsWrongInUserWords(NonNegativeInt position, NonNegativeInt length, NonNegativeInt value)
    {
        var text = Encoding.UTF8.GetString(CiiWriter.ToBytes(CiiSamples.Domestic()));
        var at = position.Get % text.Length;
        var cut = Math.Min(length.Get % 13, text.Length - at);

        var mutated = string.Concat(text.AsSpan(0, at), Mutations[value.Get % Mutations.Length], text.AsSpan(at + cut));

        return ReadsOrRefusesInUserWords(Encoding.UTF8.GetBytes(mutated));
    }

    private static bool ReadsOrRefusesInUserWords(byte[] xml)
    {
        try
        {
            EInvoiceReader.Read(xml);
            return true;
        }
        catch (InvoiceFormatException error)
        {
            AssertInUserWords(error);
            return true;
        }
    }

    private static void AssertInUserWords(InvoiceFormatException error)
    {
        Assert.Matches(RuleId(), error.Message);
        MessageLeaks.AssertNone(error.Message);
    }

    /// <summary>Replaces the <paramref name="occurrence"/>-th match of <paramref name="pattern"/> (1-based).</summary>
    private static string ReplaceNth(string text, string pattern, int occurrence, string replacement)
    {
        var matches = Regex.Matches(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(5));
        Assert.True(matches.Count >= occurrence, $"'{pattern}' occurs fewer than {occurrence} times in the sample");
        var match = matches[occurrence - 1];
        return string.Concat(text.AsSpan(0, match.Index), match.Result(replacement), text.AsSpan(match.Index + match.Length));
    }

    [GeneratedRegex(@"\((limit )?XML-[A-Z]+\)")]
    private static partial Regex RuleId();
}
