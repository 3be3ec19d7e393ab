using System.Text;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.France.Tests;

public sealed class CdarReaderTests
{
    private static string Written(LifecycleStatus status) => Encoding.UTF8.GetString(CdarWriter.ToBytes(CdarSamples.For(status)));

    private static InvoiceFormatException Refused(string xml) => Assert.Throws<InvoiceFormatException>(() => CdarReader.Read(Encoding.UTF8.GetBytes(xml)));

    [Fact]
    public void Read_ARefusal_GivesTheInvoiceStatusReasonAndParties()
    {
        var message = CdarReader.Read(Encoding.UTF8.GetBytes(Written(LifecycleStatus.Refused)));

        var report = Assert.Single(message.Reports);
        Assert.Equal(("F2026-00042", new LocalDate(2026, 9, 1), LifecycleStatus.Refused), (report.InvoiceNumber, report.InvoiceIssueDate!.Value, report.Status));
        Assert.Equal(new StatusReason("CMD_ERR", "Le bon de commande 4512 ne correspond pas."), Assert.Single(report.Reasons));
        Assert.Equal(CdarSamples.SellerSiren, report.Seller!.Id!.Value.Value);
        Assert.Equal(("BY", CdarSamples.BuyerSiren), (message.Issuer.Role, message.Issuer.Id!.Value.Value));
        Assert.Equal(CdarSamples.IssuedAt, message.IssuedAt);
    }

    [Fact]
    public void Read_ExternalEntity_IsRefusedAsADtdAndNothingIsFetched()
    {
        var secret = Path.Combine(Path.GetTempPath(), "cdar-xxe-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(secret, "SECRET");
        try
        {
            var xml = ReplaceFirst(Written(LifecycleStatus.Approved), "<rsm:CrossDomain", $"<!DOCTYPE r [<!ENTITY x SYSTEM \"file://{secret}\">]><rsm:CrossDomain").Replace("F2026-00042", "&x;", StringComparison.Ordinal);

            var error = Refused(xml);

            Assert.Contains("XML-DTD", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Read_BillionLaughs_IsRefusedAsADtd()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>";

        Assert.Contains("XML-DTD", Refused(xml).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HugeInput_IsRefusedBySizeBeforeParsing()
    {
        var xml = Written(LifecycleStatus.Approved).Replace("</rsm:ExchangedDocumentContext>", "</rsm:ExchangedDocumentContext><!--" + new string('x', 5 * 1024 * 1024) + "-->", StringComparison.Ordinal);

        Assert.Contains("XML-SIZE", Refused(xml).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DeepNesting_IsRefused()
    {
        var xml = string.Concat(Enumerable.Repeat("<a>", 5000)) + string.Concat(Enumerable.Repeat("</a>", 5000));

        Assert.Contains("XML-DEPTH", Refused(xml).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("<a><b></a>")]
    public void Read_NotXml_IsRefusedInTheUsersWords(string xml)
    {
        var error = Refused(xml);

        Assert.Contains("XML-WELLFORMED", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongNamespace_NamesTheRootAndTheRule()
    {
        var xml = Written(LifecycleStatus.Approved).Replace("urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100", "urn:example:other", StringComparison.Ordinal);

        var error = Refused(xml);

        Assert.Contains("FR-CDAR-ROOT", error.Message, StringComparison.Ordinal);
        Assert.Equal("/CrossDomainAcknowledgementAndResponse", error.Path);
    }

    [Fact]
    public void Read_AnInvoiceInsteadOfAStatus_IsRefusedAsNotAStatusMessage()
    {
        var error = Refused("<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"/>");

        Assert.Contains("not a lifecycle status message", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<ram:ProcessConditionCode>205</ram:ProcessConditionCode>", "<ram:ProcessConditionCode>299</ram:ProcessConditionCode>", "BR-FR-CDV-CL-06", "/ProcessConditionCode")]
    [InlineData("<ram:ProcessConditionCode>205</ram:ProcessConditionCode>", "<ram:ProcessConditionCode>Approuvée</ram:ProcessConditionCode>", "BR-FR-CDV-CL-06", "/ProcessConditionCode")]
    [InlineData("<ram:ProcessConditionCode>205</ram:ProcessConditionCode>", "", "BR-FR-CDV-12", "/ProcessConditionCode")]
    [InlineData("<ram:IssuerAssignedID>F2026-00042</ram:IssuerAssignedID>", "", "BR-FR-CDV-10", "/IssuerAssignedID")]
    [InlineData("<ram:IssuerAssignedID>F2026-00042</ram:IssuerAssignedID>", "<ram:IssuerAssignedID> </ram:IssuerAssignedID>", "FR-CDAR-EMPTY", "/IssuerAssignedID")]
    [InlineData("format=\"102\">20260901<", "format=\"102\">20261301<", "BR-FR-CDV-11", "/DateTimeString")]
    [InlineData("<ram:TypeCode>23</ram:TypeCode>", "<ram:TypeCode>99</ram:TypeCode>", "BR-FR-CDV-09", "/AcknowledgementDocument/TypeCode")]
    [InlineData("urn.cpro.gouv.fr:1p0:CDV:invoice", "urn:other", "BR-FR-CDV-02", "/GuidelineSpecifiedDocumentContextParameter/ID")]
    [InlineData("<ram:SenderTradeParty>", "<ram:OtherParty>", "BR-FR-CDV-05", "/ExchangedDocument/SenderTradeParty")]
    public void Read_MissingOrUnknownField_NamesTheRuleAndTheElement(string find, string replace, string rule, string pathEnd)
    {
        var xml = Written(LifecycleStatus.Approved).Replace(find, replace, StringComparison.Ordinal);
        if (find == "<ram:SenderTradeParty>")
        {
            xml = xml.Replace("</ram:SenderTradeParty>", "</ram:OtherParty>", StringComparison.Ordinal);
        }

        var error = Refused(xml);

        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(pathEnd, error.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<ram:ReasonCode>CMD_ERR</ram:ReasonCode>", "<ram:ReasonCode>WHATEVER</ram:ReasonCode>", "BR-FR-CDV-CL-09", "/ReasonCode")]
    public void Read_UnknownReasonCode_NamesTheRule(string find, string replace, string rule, string pathEnd)
    {
        var error = Refused(Written(LifecycleStatus.Refused).Replace(find, replace, StringComparison.Ordinal));

        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(pathEnd, error.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<ram:ValueAmount currencyID=\"EUR\">1200.00</ram:ValueAmount>", "<ram:ValueAmount currencyID=\"EUR\">1 200,00</ram:ValueAmount>", "FR-CDAR-AMOUNT")]
    [InlineData("<ram:ValueAmount currencyID=\"EUR\">1200.00</ram:ValueAmount>", "<ram:ValueAmount currencyID=\"EUR\">99999999999999999999999999999999</ram:ValueAmount>", "FR-CDAR-AMOUNT")]
    [InlineData("<ram:ValueAmount currencyID=\"EUR\">1200.00</ram:ValueAmount>", "<ram:ValueAmount currencyID=\"XXQ\">1200.00</ram:ValueAmount>", "FR-CDAR-CURRENCY")]
    [InlineData("<ram:TypeCode>MEN</ram:TypeCode>", "<ram:TypeCode>ZZZ</ram:TypeCode>", "BR-FR-CDV-CL-11")]
    [InlineData("<ram:ValuePercent>20</ram:ValuePercent>", "<ram:ValuePercent>vingt</ram:ValuePercent>", "FR-CDAR-VAT-RATE")]
    public void Read_MalformedAmount_NamesTheRule(string find, string replace, string rule)
    {
        var error = Refused(ReplaceFirst(Written(LifecycleStatus.Cashed), find, replace));

        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.Contains("SpecifiedDocumentCharacteristic", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_IsoDateTimeAndUnnamedListedStatus_AreRead()
    {
        var xml = Written(LifecycleStatus.Approved)
            .Replace("<ram:ProcessConditionCode>205</ram:ProcessConditionCode>", "<ram:ProcessConditionCode>601</ram:ProcessConditionCode>", StringComparison.Ordinal);
        xml = ReplaceFirst(xml, "<udt:DateTimeString format=\"204\">20260914083015</udt:DateTimeString>", "<udt:DateTime>2026-09-14T10:30:15+02:00</udt:DateTime>");

        var message = CdarReader.Read(Encoding.UTF8.GetBytes(xml));

        Assert.Equal(CdarSamples.IssuedAt, message.IssuedAt);
        Assert.Equal((LifecycleStatus)601, message.Reports[0].Status);
        Assert.False(LifecycleStatuses.IsNamed(message.Reports[0].Status));
        Assert.Equal("601", LifecycleStatuses.FrenchName(message.Reports[0].Status));
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, "sample has no " + find);
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }
}
