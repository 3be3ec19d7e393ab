using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;
using static Invoicing.EInvoicing.Tests.ReadTestXml;

namespace Invoicing.EInvoicing.Tests;

/// <summary>Reading the tender or lot reference (BT-17) and the invoiced object identifier (BT-18) from CII and UBL.</summary>
public sealed class TenderAndObjectReferenceReadTests
{
    private static Invoice WithReferences(Invoice invoice) => invoice with
    {
        TenderOrLotReference = "AO-2026-17 lot 3",
        InvoicedObjectIdentifier = new Identifier("CPT-0042-7781", "AVE"),
    };

    private static XElement Agreement(XElement root) => root.Descendants(Ram + "ApplicableHeaderTradeAgreement").Single();

    [Fact]
    public void Read_CiiTypes50And130_ReadsBt17AndBt18WithItsScheme()
    {
        var invoice = EInvoiceReader.Read(CiiWriter.ToBytes(WithReferences(CiiSamples.Domestic()))).Invoice;

        Assert.Equal("AO-2026-17 lot 3", invoice.TenderOrLotReference);
        Assert.Equal(new Identifier("CPT-0042-7781", "AVE"), invoice.InvoicedObjectIdentifier);
    }

    [Fact]
    public void Read_CiiWithoutReferenceTypeCode_ReadsBt18WithoutScheme()
    {
        var bytes = Edit(CiiWriter.ToBytes(WithReferences(CiiSamples.Domestic())), root =>
            Agreement(root).Descendants(Ram + "ReferenceTypeCode").Remove());

        Assert.Equal(new Identifier("CPT-0042-7781", null), EInvoiceReader.Read(bytes).Invoice.InvoicedObjectIdentifier);
    }

    [Fact]
    public void Read_CiiWithNeither_LeavesBothNull()
    {
        var invoice = EInvoiceReader.Read(CiiWriter.ToBytes(CiiSamples.Domestic())).Invoice;

        Assert.Null(invoice.TenderOrLotReference);
        Assert.Null(invoice.InvoicedObjectIdentifier);
    }

    [Fact]
    public void Read_CiiPaddedValuesAndOtherTypeCodes_TrimsAndIgnoresTheOthers()
    {
        var bytes = Edit(CiiWriter.ToBytes(WithReferences(CiiSamples.Domestic())), root =>
        {
            var agreement = Agreement(root);
            foreach (var id in agreement.Elements(Ram + "AdditionalReferencedDocument").Elements(Ram + "IssuerAssignedID"))
            {
                id.Value = "\n   " + id.Value + "  \t";
            }

            // A type the model does not map (an order, 220) comes first and must not be taken for BT-17 or BT-18.
            agreement.Elements(Ram + "AdditionalReferencedDocument").First().AddBeforeSelf(
                new XElement(Ram + "AdditionalReferencedDocument", new XElement(Ram + "IssuerAssignedID", "ORD-1"), new XElement(Ram + "TypeCode", "220")));
        });

        var invoice = EInvoiceReader.Read(bytes).Invoice;

        Assert.Equal("AO-2026-17 lot 3", invoice.TenderOrLotReference);
        Assert.Equal(new Identifier("CPT-0042-7781", "AVE"), invoice.InvoicedObjectIdentifier);
        Assert.Null(invoice.SupportingDocuments);
    }

    [Theory]
    [InlineData("50", "BT-17")]
    [InlineData("130", "BT-18")]
    public void Read_CiiReferenceWithEmptyId_IsATypedErrorNamingTheTerm(string typeCode, string term)
    {
        var bytes = Edit(CiiWriter.ToBytes(WithReferences(CiiSamples.Domestic())), root =>
        {
            var document = Agreement(root).Elements(Ram + "AdditionalReferencedDocument").Single(d => d.Element(Ram + "TypeCode")!.Value == typeCode);
            document.Element(Ram + "IssuerAssignedID")!.Value = "   ";
        });

        var error = Assert.Throws<InvoiceFormatException>(() => EInvoiceReader.Read(bytes));

        Assert.Contains(term, error.Message, StringComparison.Ordinal);
        Assert.Contains("XML-MANDATORY", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("AdditionalReferencedDocument[" + (typeCode == "50" ? "1" : "2") + "]/IssuerAssignedID", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CiiLineLevelObjectReference_IsNotTheDocumentLevelBt18()
    {
        // CII_example5 carries type 130 on its lines (BT-128) and header references without a type code.
        var invoice = EInvoiceReader.Read(Corpus("en16931/cii-examples/CII_example5.xml")).Invoice;

        Assert.Null(invoice.InvoicedObjectIdentifier);
        Assert.Null(invoice.TenderOrLotReference);
    }

    [Fact]
    public void Read_XRechnungPairWithTenderReference_ReadsTheSameBt17InBothSyntaxes()
    {
        var cii = EInvoiceReader.Read(Corpus("xrechnung-business-cases/01.09a-INVOICE_uncefact.xml")).Invoice;
        var ubl = EInvoiceReader.Read(Corpus("xrechnung-business-cases/01.09a-INVOICE_ubl.xml")).Invoice;

        Assert.Equal("ANG987654321", cii.TenderOrLotReference);
        Assert.Equal("ANG987654321", ubl.TenderOrLotReference);
    }

    [Theory]
    [InlineData("domestic")]
    [InlineData("credit-note")]
    public void Read_UblOriginatorAndType130_ReadsBt17AndBt18WithItsScheme(string sample)
    {
        var invoice = UblReader.Read(UblWriter.Write(WithReferences(CiiSamples.Named(sample)) with { ProjectReference = "PRJ-2026-3" })).Invoice;

        Assert.Equal("AO-2026-17 lot 3", invoice.TenderOrLotReference);
        Assert.Equal(new Identifier("CPT-0042-7781", "AVE"), invoice.InvoicedObjectIdentifier);
        Assert.Equal("PRJ-2026-3", invoice.ProjectReference);
        Assert.Null(invoice.SupportingDocuments);
    }

    [Fact]
    public void Read_UblCorpusInvoiceAndCreditNote_ReadsTheTenderTheObjectAndKeepsType50AsTheProject()
    {
        var invoice = UblReader.Read(Corpus("en16931/ubl-testfiles/Invoice-Max_content.xml")).Invoice;
        var creditNote = UblReader.Read(Corpus("en16931/ubl-testfiles/CreditNote-Max_content.xml")).Invoice;

        Assert.Equal("Tender 2017-12, lot no. 3", invoice.TenderOrLotReference);
        Assert.Equal(new Identifier("ABC123", "VT"), creditNote.InvoicedObjectIdentifier);
        Assert.Equal("11111111", creditNote.ProjectReference);
        Assert.DoesNotContain(creditNote.SupportingDocuments!, d => d.Id is "11111111" or "ABC123");
    }

    [Fact]
    public void Read_UblWithNeither_LeavesBothNull()
    {
        var invoice = UblReader.Read(UblWriter.Write(CiiSamples.Domestic())).Invoice;

        Assert.Null(invoice.TenderOrLotReference);
        Assert.Null(invoice.InvoicedObjectIdentifier);
    }

    [Fact]
    public void Read_UblEmptyOriginatorId_LeavesBt17Null()
    {
        // cbc:ID of the originator reference is mandatory in the XSD; an empty one is read as no reference, like the
        // contract, despatch and receipt references beside it.
        var bytes = Edit(UblWriter.Write(WithReferences(CiiSamples.Domestic())), root =>
            root.Element(Cac + "OriginatorDocumentReference")!.Element(Cbc + "ID")!.Value = " ");

        Assert.Null(UblReader.Read(bytes).Invoice.TenderOrLotReference);
    }

    [Fact]
    public void Read_UblType130WithEmptyId_IsATypedErrorNamingBt18()
    {
        var bytes = Edit(UblWriter.Write(WithReferences(CiiSamples.Domestic())), root =>
            root.Elements(Cac + "AdditionalDocumentReference").Single(r => r.Element(Cbc + "DocumentTypeCode")?.Value == "130").Element(Cbc + "ID")!.Value = "");

        var error = Assert.Throws<InvoiceFormatException>(() => UblReader.Read(bytes));

        Assert.Contains("BT-18", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("AdditionalDocumentReference/ID", error.Path, StringComparison.Ordinal);
    }
}
