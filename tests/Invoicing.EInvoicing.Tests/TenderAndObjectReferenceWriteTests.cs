using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.EInvoicing.Tests;

/// <summary>The tender or lot reference (BT-17) and the invoiced object identifier (BT-18) in both syntaxes.</summary>
public sealed class TenderAndObjectReferenceWriteTests
{
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static readonly XNamespace Cbc = UblNames.Cbc;
    private static readonly XNamespace Cac = UblNames.Cac;

    private static Invoice WithReferences(Invoice invoice) => invoice with
    {
        TenderOrLotReference = "AO-2026-17 lot 3",
        InvoicedObjectIdentifier = new Identifier("CPT-0042-7781", "AVE"),
    };

    private static XElement Root(byte[] bytes) => XDocument.Load(new MemoryStream(bytes)).Root!;

    [Fact]
    public void ToBytes_En16931_WritesBt17AndBt18AsAdditionalReferencedDocuments()
    {
        var bytes = CiiWriter.ToBytes(WithReferences(CiiSamples.Domestic()));

        var agreement = Root(bytes).Descendants(Ram + "ApplicableHeaderTradeAgreement").Single();
        var documents = agreement.Elements(Ram + "AdditionalReferencedDocument").ToList();
        Assert.Equal(2, documents.Count);
        Assert.Equal("AO-2026-17 lot 3", documents[0].Element(Ram + "IssuerAssignedID")!.Value);
        Assert.Equal("50", documents[0].Element(Ram + "TypeCode")!.Value);
        Assert.Null(documents[0].Element(Ram + "ReferenceTypeCode"));
        Assert.Equal("CPT-0042-7781", documents[1].Element(Ram + "IssuerAssignedID")!.Value);
        Assert.Equal("130", documents[1].Element(Ram + "TypeCode")!.Value);
        Assert.Equal("AVE", documents[1].Element(Ram + "ReferenceTypeCode")!.Value);
        Assert.Empty(CiiSchema.Validate(bytes));
    }

    [Fact]
    public void ToBytes_ObjectIdentifierWithoutScheme_WritesNoReferenceTypeCode()
    {
        var invoice = CiiSamples.Domestic() with { InvoicedObjectIdentifier = new Identifier("METER-9") };

        var document = Root(CiiWriter.ToBytes(invoice)).Descendants(Ram + "AdditionalReferencedDocument").Single();

        Assert.Equal("130", document.Element(Ram + "TypeCode")!.Value);
        Assert.Null(document.Element(Ram + "ReferenceTypeCode"));
    }

    [Theory]
    [InlineData(FacturXProfile.Minimum)]
    [InlineData(FacturXProfile.BasicWl)]
    [InlineData(FacturXProfile.Basic)]
    public void Write_ProfileBelowEn16931_LeavesBt17AndBt18OutAndReportsThem(FacturXProfile profile)
    {
        using var output = new MemoryStream();

        var losses = CiiWriter.Write(WithReferences(CiiSamples.Simple(VatCategory.S, 20m)), profile, output);

        Assert.Contains(losses, l => l.RuleId == "CII-PROFILE" && l.Path == "tenderOrLotReference");
        Assert.Contains(losses, l => l.RuleId == "CII-PROFILE" && l.Path == "invoicedObjectIdentifier");
        Assert.Empty(Root(output.ToArray()).Descendants(Ram + "AdditionalReferencedDocument"));
    }

    [Fact]
    public void Write_UblInvoice_WritesOriginatorBeforeContractAndTheObjectAsType130()
    {
        var bytes = UblWriter.Write(WithReferences(CiiSamples.Domestic()));

        var root = Root(bytes);
        var names = root.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.True(names.IndexOf("OriginatorDocumentReference") < names.IndexOf("ContractDocumentReference"));
        Assert.Equal("AO-2026-17 lot 3", root.Element(Cac + "OriginatorDocumentReference")!.Element(Cbc + "ID")!.Value);
        var reference = root.Elements(Cac + "AdditionalDocumentReference").Single(r => r.Element(Cbc + "DocumentTypeCode")?.Value == "130");
        Assert.Equal("CPT-0042-7781", reference.Element(Cbc + "ID")!.Value);
        Assert.Equal("AVE", reference.Element(Cbc + "ID")!.Attribute("schemeID")!.Value);
        Assert.Empty(UblSchema.Validate(bytes));
    }

    [Fact]
    public void Write_UblCreditNote_WritesOriginatorAfterTheAdditionalDocumentsAndKeepsTheProject()
    {
        var invoice = WithReferences(CiiSamples.Named("credit-note")) with { ProjectReference = "PRJ-2026-3" };

        var bytes = UblWriter.Write(invoice);

        var root = Root(bytes);
        var names = root.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.True(names.LastIndexOf("AdditionalDocumentReference") < names.IndexOf("OriginatorDocumentReference"));
        Assert.Empty(UblSchema.Validate(bytes));
        // BT-11 still reads back from its type-50 reference; BT-18 (type 130) is not taken for it.
        Assert.Equal("PRJ-2026-3", UblReader.Read(bytes).Invoice.ProjectReference);
    }

    [Fact]
    public void Write_NoTenderNorObject_WritesNeitherElement()
    {
        var root = Root(UblWriter.Write(CiiSamples.Domestic()));

        Assert.Null(root.Element(Cac + "OriginatorDocumentReference"));
        Assert.DoesNotContain(root.Elements(Cac + "AdditionalDocumentReference"), r => r.Element(Cbc + "DocumentTypeCode")?.Value == "130");
    }

    [Fact]
    public void Serialize_TenderAndObject_RoundTripInJsonAndAreOmittedWhenAbsent()
    {
        var invoice = WithReferences(CiiSamples.Domestic());

        var json = InvoiceJson.Serialize(invoice);

        Assert.Contains("\"tenderOrLotReference\"", json, StringComparison.Ordinal);
        Assert.Contains("\"invoicedObjectIdentifier\"", json, StringComparison.Ordinal);
        Assert.Equal(invoice, InvoiceJson.Deserialize(json));
        Assert.DoesNotContain("tenderOrLotReference", InvoiceJson.Serialize(CiiSamples.Domestic()), StringComparison.Ordinal);
    }
}
