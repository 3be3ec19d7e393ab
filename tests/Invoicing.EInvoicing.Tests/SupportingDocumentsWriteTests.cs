using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.EInvoicing.Tests;

/// <summary>Supporting document references (BG-24: BT-122, BT-123, BT-124) in both syntaxes and in the JSON shape.</summary>
public sealed class SupportingDocumentsWriteTests
{
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static readonly XNamespace Cbc = UblNames.Cbc;
    private static readonly XNamespace Cac = UblNames.Cac;

    private static Invoice WithDocuments(Invoice invoice) => invoice with
    {
        SupportingDocuments =
        [
            new SupportingDocument("BL-2026-311", "Bon de livraison signé", "https://docs.example/bl/2026-311.pdf"),
            new SupportingDocument("TS-11"),
        ],
        InvoicedObjectIdentifier = new Identifier("CPT-0042-7781", "AVE"),
    };

    private static XElement Root(byte[] bytes) => XDocument.Load(new MemoryStream(bytes)).Root!;

    [Fact]
    public void ToBytes_En16931_WritesEachDocumentAsType916()
    {
        var bytes = CiiWriter.ToBytes(WithDocuments(CiiSamples.Domestic()));

        var documents = Root(bytes).Descendants(Ram + "AdditionalReferencedDocument").Where(d => d.Element(Ram + "TypeCode")!.Value == "916").ToList();
        Assert.Equal(["BL-2026-311", "TS-11"], documents.Select(d => d.Element(Ram + "IssuerAssignedID")!.Value));
        Assert.Equal("https://docs.example/bl/2026-311.pdf", documents[0].Element(Ram + "URIID")!.Value);
        Assert.Equal("Bon de livraison signé", documents[0].Element(Ram + "Name")!.Value);
        Assert.Null(documents[1].Element(Ram + "URIID"));
        Assert.Null(documents[1].Element(Ram + "Name"));
        Assert.Empty(CiiSchema.Validate(bytes));
    }

    [Fact]
    public void Write_Basic_LeavesTheDocumentsOutAndReportsThem()
    {
        using var output = new MemoryStream();

        var losses = CiiWriter.Write(WithDocuments(CiiSamples.Simple(VatCategory.S, 20m)), FacturXProfile.Basic, output);

        Assert.Contains(losses, l => l.RuleId == "CII-PROFILE" && l.Path == "supportingDocuments");
        Assert.Empty(Root(output.ToArray()).Descendants(Ram + "AdditionalReferencedDocument"));
    }

    [Theory]
    [InlineData("domestic")]
    [InlineData("credit-note")]
    public void Write_Ubl_WritesEachDocumentWithoutTypeCodeAndValidates(string sample)
    {
        var invoice = WithDocuments(CiiSamples.Named(sample)) with { ProjectReference = "PRJ-2026-3" };

        var bytes = UblWriter.Write(invoice);

        var references = Root(bytes).Elements(Cac + "AdditionalDocumentReference").Where(r => r.Element(Cbc + "DocumentTypeCode") is null).ToList();
        Assert.Equal(["BL-2026-311", "TS-11"], references.Select(r => r.Element(Cbc + "ID")!.Value));
        Assert.Equal("Bon de livraison signé", references[0].Element(Cbc + "DocumentDescription")!.Value);
        Assert.Equal("https://docs.example/bl/2026-311.pdf", references[0].Element(Cac + "Attachment")!.Element(Cac + "ExternalReference")!.Element(Cbc + "URI")!.Value);
        Assert.Null(references[1].Element(Cac + "Attachment"));
        Assert.Empty(UblSchema.Validate(bytes));
        // BT-11 of a credit note (type 50) is still the one read back as the project.
        Assert.Equal("PRJ-2026-3", UblReader.Read(bytes).Invoice.ProjectReference);
    }

    [Fact]
    public void Serialize_Documents_RoundTripInJsonAndAreOmittedWhenAbsent()
    {
        var invoice = WithDocuments(CiiSamples.Domestic());

        var json = InvoiceJson.Serialize(invoice);

        Assert.Contains("\"supportingDocuments\"", json, StringComparison.Ordinal);
        Assert.Equal(invoice, InvoiceJson.Deserialize(json));
        Assert.DoesNotContain("supportingDocuments", InvoiceJson.Serialize(CiiSamples.Domestic()), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_DocumentWithoutId_IsATypedError()
    {
        var json = InvoiceJson.Serialize(CiiSamples.Domestic()).Replace("\"buyerAccountingReference\"", "\"supportingDocuments\": [ { \"description\": \"Sans référence\" } ], \"buyerAccountingReference\"", StringComparison.Ordinal);
        Assert.Contains("supportingDocuments", json, StringComparison.Ordinal);

        Assert.Throws<InvoiceFormatException>(() => InvoiceJson.Deserialize(json));
    }
}
