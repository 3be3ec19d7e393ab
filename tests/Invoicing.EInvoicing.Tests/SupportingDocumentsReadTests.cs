using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;
using static Invoicing.EInvoicing.Tests.ReadTestXml;

namespace Invoicing.EInvoicing.Tests;

/// <summary>Reading supporting document references (BG-24: BT-122, BT-123, BT-124) from CII and UBL.</summary>
public sealed class SupportingDocumentsReadTests
{
    private static readonly SupportingDocument Delivery = new("BL-2026-311", "Bon de livraison signé", "https://docs.example/bl/2026-311.pdf");
    private static readonly SupportingDocument Timesheet = new("TS-11");

    private static Invoice WithDocuments(Invoice invoice) => invoice with { SupportingDocuments = [Delivery, Timesheet] };

    [Fact]
    public void Read_CiiType916_ReadsEachDocumentInOrder()
    {
        var invoice = EInvoiceReader.Read(CiiWriter.ToBytes(WithDocuments(CiiSamples.Domestic()))).Invoice;

        Assert.Equal([Delivery, Timesheet], invoice.SupportingDocuments!);
    }

    [Fact]
    public void Read_CiiWithoutDocuments_LeavesTheListNullNotEmpty()
    {
        var invoice = EInvoiceReader.Read(CiiWriter.ToBytes(CiiSamples.Domestic())).Invoice;

        Assert.Null(invoice.SupportingDocuments);
        Assert.DoesNotContain("supportingDocuments", InvoiceJson.Serialize(invoice), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CiiCorpusExampleWithAttachment_ReadsIdNameAndLocationAndDropsTheBinary()
    {
        var invoice = EInvoiceReader.Read(Corpus("en16931/cii-examples/CII_example2.xml")).Invoice;

        Assert.Equal([new SupportingDocument("Doc1", "Timesheet", "http://www.suppliersite.eu/sheet001.html")], invoice.SupportingDocuments!);
    }

    [Fact]
    public void Read_CiiHeaderReferencesWithoutTypeCode_AreNotSupportingDocuments()
    {
        // CII_example5 has two header references without a type code and one of type 916.
        var invoice = EInvoiceReader.Read(Corpus("en16931/cii-examples/CII_example5.xml")).Invoice;

        Assert.Equal([new SupportingDocument("sales slip", "your sales slip")], invoice.SupportingDocuments!);
    }

    [Fact]
    public void Read_Cii916WithoutId_IsATypedErrorNamingBt122()
    {
        var bytes = Edit(CiiWriter.ToBytes(WithDocuments(CiiSamples.Domestic())), root =>
            root.Descendants(Ram + "AdditionalReferencedDocument").First().Element(Ram + "IssuerAssignedID")!.Remove());

        var error = Assert.Throws<InvoiceFormatException>(() => EInvoiceReader.Read(bytes));

        Assert.Contains("BT-122", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("AdditionalReferencedDocument[1]/IssuerAssignedID", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Cii916WithPaddedAndEmptyOptionals_TrimsAndDropsTheEmptyOnes()
    {
        var bytes = Edit(CiiWriter.ToBytes(WithDocuments(CiiSamples.Domestic())), root =>
        {
            var first = root.Descendants(Ram + "AdditionalReferencedDocument").First();
            first.Element(Ram + "IssuerAssignedID")!.Value = "  BL-2026-311\n";
            first.Element(Ram + "URIID")!.Value = "   ";
            first.Element(Ram + "Name")!.Value = "";
        });

        Assert.Equal([new SupportingDocument("BL-2026-311"), Timesheet], EInvoiceReader.Read(bytes).Invoice.SupportingDocuments!);
    }

    [Theory]
    [InlineData("domestic")]
    [InlineData("credit-note")]
    public void Read_UblReferencesWithoutTypeCode_ReadsEachDocumentAndKeepsBt11AndBt18Apart(string sample)
    {
        var written = WithDocuments(CiiSamples.Named(sample)) with
        {
            ProjectReference = "PRJ-2026-3",
            InvoicedObjectIdentifier = new Identifier("CPT-0042-7781", "AVE"),
        };

        var invoice = UblReader.Read(UblWriter.Write(written)).Invoice;

        Assert.Equal([Delivery, Timesheet], invoice.SupportingDocuments!);
        Assert.Equal("PRJ-2026-3", invoice.ProjectReference);
        Assert.Equal(new Identifier("CPT-0042-7781", "AVE"), invoice.InvoicedObjectIdentifier);
    }

    [Fact]
    public void Read_UblWithoutDocuments_LeavesTheListNullNotEmpty()
    {
        Assert.Null(UblReader.Read(UblWriter.Write(CiiSamples.Domestic())).Invoice.SupportingDocuments);
    }

    [Fact]
    public void Read_UblCorpusCreditNote_ReadsTheReferencedTheEmbeddedAndTheExternalDocuments()
    {
        var invoice = UblReader.Read(Corpus("en16931/ubl-testfiles/CreditNote-Max_content.xml")).Invoice;

        Assert.Equal(
            [
                new SupportingDocument("MT123", "Contracted maintenance plan"),
                new SupportingDocument("Time report 1", "Attached sample document"),
                new SupportingDocument("Example 1", "Referenced external sample document", "http://www.example.com/index.html"),
            ],
            invoice.SupportingDocuments!);
    }

    [Fact]
    public void Read_UblReferenceWithEmptyId_IsATypedErrorNamingBt122()
    {
        var bytes = Edit(UblWriter.Write(WithDocuments(CiiSamples.Domestic())), root =>
            root.Elements(Cac + "AdditionalDocumentReference").Last().Element(Cbc + "ID")!.Value = "  ");

        var error = Assert.Throws<InvoiceFormatException>(() => UblReader.Read(bytes));

        Assert.Contains("BT-122", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("AdditionalDocumentReference[2]/ID", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UblUnmappedTypeCode_IsASupportingDocument()
    {
        // EN 16931 binds BT-18 to type 130 only (and Peppol BT-11 of a credit note to 50): any other type is BG-24.
        var bytes = Edit(UblWriter.Write(WithDocuments(CiiSamples.Domestic())), root =>
            root.Elements(Cac + "AdditionalDocumentReference").Last().Element(Cbc + "ID")!.AddAfterSelf(new XElement(Cbc + "DocumentTypeCode", "916")));

        Assert.Equal([Delivery, Timesheet], UblReader.Read(bytes).Invoice.SupportingDocuments!);
    }
}
