using System.Text;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.EInvoicing.Tests;

public sealed class UblReaderTests
{
    private static string Minimal(string body = "", string root = "Invoice", string prefix = "") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <{prefix}{root} xmlns{(prefix.Length > 0 ? ":" + prefix.TrimEnd(':') : string.Empty)}="urn:oasis:names:specification:ubl:schema:xsd:{root}-2" xmlns:c="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:b="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <b:CustomizationID> {UblNames.PeppolCustomizationId} </b:CustomizationID>
          <b:ID>
          F-1 </b:ID>
          <b:IssueDate>2026-03-15</b:IssueDate>
          <b:{root}TypeCode>{(root == "Invoice" ? "380" : "381")}</b:{root}TypeCode>
          <b:DocumentCurrencyCode>EUR</b:DocumentCurrencyCode>
          <c:AccountingSupplierParty><c:Party><c:PostalAddress><c:Country><b:IdentificationCode>FR</b:IdentificationCode></c:Country></c:PostalAddress><c:PartyLegalEntity><b:RegistrationName>Seller</b:RegistrationName></c:PartyLegalEntity></c:Party></c:AccountingSupplierParty>
          <c:AccountingCustomerParty><c:Party><c:PartyLegalEntity><b:RegistrationName>Buyer</b:RegistrationName></c:PartyLegalEntity></c:Party></c:AccountingCustomerParty>
          {body}
          <c:TaxTotal><b:TaxAmount currencyID="EUR">20.00</b:TaxAmount>
            <c:TaxSubtotal><b:TaxableAmount currencyID="EUR">100.00</b:TaxableAmount><b:TaxAmount currencyID="EUR">20.00</b:TaxAmount><c:TaxCategory><b:ID>S</b:ID><b:Percent>20</b:Percent><c:TaxScheme><b:ID>VAT</b:ID></c:TaxScheme></c:TaxCategory></c:TaxSubtotal>
          </c:TaxTotal>
          <c:LegalMonetaryTotal><b:LineExtensionAmount currencyID="EUR">100.00</b:LineExtensionAmount><b:TaxExclusiveAmount currencyID="EUR">100.00</b:TaxExclusiveAmount><b:TaxInclusiveAmount currencyID="EUR">120.00</b:TaxInclusiveAmount><b:PayableAmount currencyID="EUR">120.00</b:PayableAmount></c:LegalMonetaryTotal>
          <c:{root}Line><b:ID>1</b:ID><b:{(root == "Invoice" ? "Invoiced" : "Credited")}Quantity unitCode="HUR">2</b:{(root == "Invoice" ? "Invoiced" : "Credited")}Quantity><b:LineExtensionAmount currencyID="EUR">100.00</b:LineExtensionAmount>
            <c:Item><b:Name>Conseil</b:Name><c:ClassifiedTaxCategory><b:ID>S</b:ID><b:Percent>20</b:Percent><c:TaxScheme><b:ID>VAT</b:ID></c:TaxScheme></c:ClassifiedTaxCategory></c:Item>
            <c:Price><b:PriceAmount currencyID="EUR">50</b:PriceAmount></c:Price></c:{root}Line>
        </{prefix}{root}>
        """;

    private static EInvoiceDocument Read(string xml) => UblReader.Read(Encoding.UTF8.GetBytes(xml));

    private static InvoiceFormatException Refused(string xml) => Assert.Throws<InvoiceFormatException>(() => Read(xml));

    [Fact]
    public void Read_OtherPrefixesWhitespaceAndOptionalElementsAbsent_ReadsTheInvoice()
    {
        var document = Read(Minimal());

        Assert.Equal("F-1", document.Invoice.Number);
        Assert.Equal(UblNames.PeppolCustomizationId, document.SpecificationId);
        Assert.Equal(new NodaTime.LocalDate(2026, 3, 15), document.Invoice.IssueDate);
        Assert.Equal("HUR", document.Invoice.Lines[0].UnitCode);
        Assert.Equal(120.00m, document.StatedTotals.AmountDue);
        Assert.Equal(120.00m, InvoiceCalculator.Calculate(document.Invoice).AmountDue);
    }

    [Fact]
    public void Read_PrefixedRootAndByteOrderMark_ReadsTheInvoice()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Minimal(prefix: "ubl:"))).ToArray();

        Assert.Equal("F-1", UblReader.Read(bytes).Invoice.Number);
    }

    [Fact]
    public void Read_Utf16_ReadsTheInvoice()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Minimal().Replace("UTF-8", "UTF-16", StringComparison.Ordinal))).ToArray();

        Assert.Equal("Conseil", UblReader.Read(bytes).Invoice.Lines[0].ItemName);
    }

    [Fact]
    public void Read_CreditNote_ReadsTypeAndCreditedQuantity()
    {
        var document = Read(Minimal(root: "CreditNote"));

        Assert.Equal(DocumentType.CreditNote, document.Invoice.Type);
        Assert.Equal(2m, document.Invoice.Lines[0].Quantity);
    }

    [Fact]
    public void Read_ThroughTheFacade_DetectsUbl()
    {
        var document = EInvoiceReader.Read(Encoding.UTF8.GetBytes(Minimal()));

        Assert.Equal(EInvoiceSyntax.Ubl, document.Syntax);
        Assert.Null(document.Profile);
    }

    [Fact]
    public void Read_NoteWithSubjectCode_SplitsTheCode()
    {
        var document = Read(Minimal().Replace("<b:DocumentCurrencyCode>", "<b:Note>#PMT#Indemnité 40 EUR</b:Note><b:Note>Merci</b:Note><b:DocumentCurrencyCode>", StringComparison.Ordinal));

        Assert.Equal([new InvoiceNote("Indemnité 40 EUR", "PMT"), new InvoiceNote("Merci")], document.Invoice.Notes);
    }

    [Theory]
    [InlineData("<b:ID>\n  F-1 </b:ID>", "", "/Invoice/ID", "BT-1")]
    [InlineData("<b:IssueDate>2026-03-15</b:IssueDate>", "", "/Invoice/IssueDate", "BT-2")]
    [InlineData("<b:DocumentCurrencyCode>EUR</b:DocumentCurrencyCode>", "", "/Invoice/DocumentCurrencyCode", "BT-5")]
    [InlineData("<b:Name>Conseil</b:Name>", "", "/Invoice/InvoiceLine/Item/Name", "BT-153")]
    [InlineData("<b:PriceAmount currencyID=\"EUR\">50</b:PriceAmount>", "", "/Invoice/InvoiceLine/Price/PriceAmount", "BT-146")]
    [InlineData("<b:RegistrationName>Buyer</b:RegistrationName>", "", "RegistrationName", "BT-44")]
    [InlineData("<c:Country><b:IdentificationCode>FR</b:IdentificationCode></c:Country>", "", "PostalAddress/Country", "BT-40")]
    public void Read_MandatoryElementMissing_IsRefusedNamingTheElement(string remove, string replacement, string path, string term)
    {
        var exception = Refused(Minimal().Replace(remove, replacement, StringComparison.Ordinal));

        Assert.Contains(path, exception.Path, StringComparison.Ordinal);
        Assert.Contains(term, exception.Message, StringComparison.Ordinal);
        Assert.Contains("XML-MANDATORY", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-15</b:IssueDate>", "15/03/2026</b:IssueDate>", "/Invoice/IssueDate", "XML-DATE")]
    [InlineData("2026-03-15</b:IssueDate>", "2026-02-30</b:IssueDate>", "/Invoice/IssueDate", "XML-DATE")]
    [InlineData("unitCode=\"HUR\">2<", "unitCode=\"HUR\">2,5<", "/Invoice/InvoiceLine/InvoicedQuantity", "XML-NUMBER")]
    [InlineData("unitCode=\"HUR\">2<", "unitCode=\"HUR\">1e3<", "/Invoice/InvoiceLine/InvoicedQuantity", "XML-NUMBER")]
    [InlineData(">50</b:PriceAmount>", ">99999999999999999999999999999999</b:PriceAmount>", "/Invoice/InvoiceLine/Price/PriceAmount", "XML-NUMBER")]
    [InlineData(">EUR</b:DocumentCurrencyCode>", ">EURO</b:DocumentCurrencyCode>", "/Invoice/DocumentCurrencyCode", "XML-CODE")]
    [InlineData(">380</b:InvoiceTypeCode>", ">abc</b:InvoiceTypeCode>", "/Invoice/InvoiceTypeCode", "XML-CODE")]
    [InlineData("<b:ID>S</b:ID><b:Percent>20</b:Percent><c:TaxScheme><b:ID>VAT</b:ID></c:TaxScheme></c:ClassifiedTaxCategory>", "<b:ID>X</b:ID><b:Percent>20</b:Percent><c:TaxScheme><b:ID>VAT</b:ID></c:TaxScheme></c:ClassifiedTaxCategory>", "ClassifiedTaxCategory/ID", "XML-CODE")]
    public void Read_MalformedValue_IsRefusedNamingTheElementAndTheRule(string find, string replace, string path, string rule)
    {
        var exception = Refused(Minimal().Replace(find, replace, StringComparison.Ordinal));

        Assert.Contains(path, exception.Path, StringComparison.Ordinal);
        Assert.Contains(rule, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_VatDueDateCodeOutsideTheList_IsRefused()
    {
        var exception = Refused(Minimal("<c:InvoicePeriod><b:DescriptionCode>31</b:DescriptionCode></c:InvoicePeriod>").Replace("<c:AccountingSupplierParty>", "<c:InvoicePeriod><b:DescriptionCode>31</b:DescriptionCode></c:InvoicePeriod><c:AccountingSupplierParty>", StringComparison.Ordinal));

        Assert.Contains("BT-8", exception.Message, StringComparison.Ordinal);
        Assert.Contains("DescriptionCode", exception.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DocumentTypeDeclaration_IsRefused()
    {
        var xml = Minimal().Replace("<Invoice ", "<!DOCTYPE Invoice [ <!ENTITY x \"boom\"> ]><Invoice ", StringComparison.Ordinal);

        var exception = Refused(xml);

        Assert.Contains("XML-DTD", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EntityExpansionBomb_IsRefusedWithoutExpanding()
    {
        var entities = new StringBuilder("<!DOCTYPE Invoice [<!ENTITY a0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY a{i} \"&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};\">");
        }

        var xml = Minimal().Replace("<Invoice ", entities + "]><Invoice ", StringComparison.Ordinal).Replace(">F-1<", ">&a9;<", StringComparison.Ordinal);

        Assert.Contains("XML-DTD", Refused(xml).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExternalEntity_IsRefused()
    {
        var xml = Minimal().Replace("<Invoice ", "<!DOCTYPE Invoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Invoice ", StringComparison.Ordinal).Replace(">Conseil<", ">&x;<", StringComparison.Ordinal);

        Assert.Contains("XML-DTD", Refused(xml).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NestingDeeperThanTheLimit_IsRefused()
    {
        var deep = string.Concat(Enumerable.Repeat("<c:X>", 100)) + string.Concat(Enumerable.Repeat("</c:X>", 100));

        var exception = Refused(Minimal().Replace("<b:DocumentCurrencyCode>", deep + "<b:DocumentCurrencyCode>", StringComparison.Ordinal));

        Assert.Contains("XML-DEPTH", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LargerThanTheSizeLimit_IsRefused()
    {
        var filler = "<b:Note>" + new string('x', 33 * 1024 * 1024) + "</b:Note>";

        var exception = Refused(Minimal().Replace("<b:DocumentCurrencyCode>", filler + "<b:DocumentCurrencyCode>", StringComparison.Ordinal));

        Assert.Contains("XML-SIZE", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<Invoice>")]
    [InlineData("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><unclosed></Invoice>")]
    public void Read_NotWellFormed_IsRefused(string xml)
    {
        Assert.Contains("XML-", Refused(xml).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>")]
    [InlineData("<Invoice xmlns=\"urn:example:not-ubl\"/>")]
    [InlineData("<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"/>")]
    public void Read_NotAUblInvoice_IsRefusedNamingTheRoot(string xml)
    {
        var exception = Refused(xml);

        Assert.Contains("XML-ROOT", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NullInput_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => UblReader.Read((byte[])null!));
        Assert.Throws<ArgumentNullException>(() => UblReader.Read((Stream)null!));
    }
}
