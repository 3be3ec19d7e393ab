using System.Xml.Linq;
using Invoicing.Core;
using static Invoicing.EInvoicing.Tests.ReadTestXml;

namespace Invoicing.EInvoicing.Tests;

/// <summary>
/// CEN warning CII-SR-475 counts the <c>Name</c> (BT-123) of every type-916 <c>AdditionalReferencedDocument</c> of the
/// agreement together and allows one, while EN 16931 gives each supporting document (BG-24, 0..n) its own description
/// (0..1). Meeting the rule as worded would drop descriptions, so the writer keeps one name per document: the reading
/// the rule means (one per document), which the official KoSIT example does too.
/// </summary>
public sealed class SupportingDocumentNamesTests
{
    private static readonly SupportingDocument[] Documents =
    [
        new("BL-2026-311", "Bon de livraison signé", "https://docs.example/bl/2026-311.pdf"),
        new("TS-11", "Relevé d'heures"),
        new("PV-3"),
        new("CR-8", "Compte rendu de chantier"),
    ];

    private static List<XElement> Supporting(XElement root) =>
        root.Descendants(Ram + "AdditionalReferencedDocument").Where(d => d.Element(Ram + "TypeCode")?.Value.Trim() == "916").ToList();

    [Fact]
    public void ToBytes_SeveralDescribedDocuments_WritesAtMostOneNamePerDocument()
    {
        var bytes = CiiWriter.ToBytes(CiiSamples.Domestic() with { SupportingDocuments = [.. Documents] });

        var documents = Supporting(Load(bytes).Root!);
        Assert.Equal(4, documents.Count);
        Assert.All(documents, d => Assert.True(d.Elements(Ram + "Name").Count() <= 1));
        Assert.Equal(["Bon de livraison signé", "Relevé d'heures", null, "Compte rendu de chantier"], documents.Select(d => d.Element(Ram + "Name")?.Value));
        Assert.Empty(CiiSchema.Validate(bytes));
    }

    [Fact]
    public void Read_SeveralDescribedDocumentsWritten_KeepsEveryDescription()
    {
        var invoice = CiiSamples.Domestic() with { SupportingDocuments = [.. Documents] };

        var read = EInvoiceReader.Read(CiiWriter.ToBytes(invoice)).Invoice;

        Assert.Equal(Documents, read.SupportingDocuments!);
        Assert.Equal(invoice, read with { SupportingDocuments = invoice.SupportingDocuments });
    }

    [Fact]
    public void ToBytes_OfficialExampleWithTwoDescribedDocuments_WritesTheSameNamesAsTheSource()
    {
        // The KoSIT business case 03.03a states two described supporting documents: the source itself has two type-916
        // names in its agreement, which CII-SR-475 as worded counts as one too many.
        var source = Corpus("xrechnung-business-cases/03.03a-INVOICE_uncefact.xml");

        var written = CiiWriter.ToBytes(EInvoiceReader.Read(source).Invoice);

        var sourceNames = Supporting(Load(source).Root!).Select(d => d.Element(Ram + "Name")?.Value.Trim()).ToList();
        var writtenNames = Supporting(Load(written).Root!).Select(d => d.Element(Ram + "Name")?.Value).ToList();
        Assert.Equal(2, sourceNames.Count(n => n is not null));
        Assert.Equal(sourceNames, writtenNames);
    }
}
