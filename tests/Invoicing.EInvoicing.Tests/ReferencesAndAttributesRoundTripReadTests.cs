using FsCheck;
using FsCheck.Xunit;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.EInvoicing.Tests;

/// <summary>
/// Read, write, read: an invoice carrying BT-17, BT-18, BG-24 and BG-32 keeps all four through both syntaxes, and a
/// document read from one syntax reads the same after being written in the other.
/// </summary>
public sealed class ReferencesAndAttributesRoundTripReadTests
{
    private static Invoice WithAllFour(Invoice invoice)
    {
        var first = invoice.Lines[0] with { ItemAttributes = [new ItemAttribute("Couleur", "Chêne clair"), new ItemAttribute("Taille", "XL")] };
        var last = invoice.Lines[^1] with { ItemAttributes = [new ItemAttribute("Finition", "Huilée & cirée <mat>")] };
        ValueList<InvoiceLine> lines = invoice.Lines.Count == 1 ? [first with { ItemAttributes = [.. first.ItemAttributes!, .. last.ItemAttributes!] }] : [first, .. invoice.Lines.Skip(1).SkipLast(1), last];
        return invoice with
        {
            TenderOrLotReference = "AO-2026-17 lot 3",
            InvoicedObjectIdentifier = new Identifier("CPT-0042-7781", "AVE"),
            SupportingDocuments =
            [
                new SupportingDocument("BL-2026-311", "BON_LIVRAISON", "https://docs.example/bl/2026-311.pdf?v=1&x=2"),
                new SupportingDocument("RIB-1", "RIB"),
                new SupportingDocument("TS-11"),
            ],
            Lines = lines,
        };
    }

    public static TheoryData<string> Names() => CiiSamples.Names();

    /// <summary>What the UBL binding does not carry for the seller (as in <c>UblWriterTests</c>).</summary>
    private static Invoice UblShape(Invoice invoice) => invoice with { Seller = invoice.Seller with { LegalForm = null, ShareCapital = null, TradeRegister = null } };

    [Theory]
    [MemberData(nameof(Names))]
    public void ReadWriteRead_Cii_KeepsAllFour(string name)
    {
        var invoice = WithAllFour(CiiSamples.Named(name));

        var first = EInvoiceReader.Read(CiiWriter.ToBytes(invoice)).Invoice;
        var second = EInvoiceReader.Read(CiiWriter.ToBytes(first)).Invoice;

        Assert.Equal(invoice, first);
        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReadWriteRead_Ubl_KeepsAllFour(string name)
    {
        var invoice = WithAllFour(CiiSamples.Named(name));

        var first = UblReader.Read(UblWriter.Write(invoice)).Invoice;
        var second = UblReader.Read(UblWriter.Write(first)).Invoice;

        Assert.Equal(UblShape(invoice), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void ReadWriteRead_Extended_KeepsAllFour()
    {
        var invoice = WithAllFour(CiiSamples.Domestic());

        var first = EInvoiceReader.Read(CiiWriter.ToBytes(invoice, FacturXProfile.Extended)).Invoice;

        Assert.Equal(invoice, first);
    }

    [Fact]
    public void ReadWriteRead_CiiToUblToCii_KeepsAllFour()
    {
        var invoice = UblShape(WithAllFour(CiiSamples.Domestic()));

        var fromCii = EInvoiceReader.Read(CiiWriter.ToBytes(invoice)).Invoice;
        var throughUbl = UblReader.Read(UblWriter.Write(fromCii)).Invoice;
        var backToCii = EInvoiceReader.Read(CiiWriter.ToBytes(throughUbl)).Invoice;

        Assert.Equal(invoice, throughUbl);
        Assert.Equal(invoice, backToCii);
    }

    [Theory]
    [InlineData("en16931/cii-examples/CII_example2.xml")]
    [InlineData("en16931/cii-examples/CII_example5.xml")]
    [InlineData("xrechnung-business-cases/01.09a-INVOICE_uncefact.xml")]
    [InlineData("en16931/ubl-testfiles/Invoice-Max_content.xml")]
    [InlineData("en16931/ubl-testfiles/CreditNote-Max_content.xml")]
    [InlineData("en16931/ubl-examples/ubl-tc434-example2.xml")]
    public void ReadWriteRead_CorpusFileCarryingTheFields_KeepsThemInBothSyntaxes(string relative)
    {
        var read = EInvoiceReader.Read(ReadTestXml.Corpus(relative)).Invoice;
        Assert.True(
            read.TenderOrLotReference is not null || read.InvoicedObjectIdentifier is not null || read.SupportingDocuments is not null || read.Lines.Any(l => l.ItemAttributes is not null),
            "the file carries at least one of the four");

        var viaCii = EInvoiceReader.Read(CiiWriter.ToBytes(read)).Invoice;
        var viaUbl = UblReader.Read(UblWriter.Write(read)).Invoice;

        Assert.Equal(read.TenderOrLotReference, viaCii.TenderOrLotReference);
        Assert.Equal(read.InvoicedObjectIdentifier, viaCii.InvoicedObjectIdentifier);
        Assert.Equal(read.SupportingDocuments, viaCii.SupportingDocuments);
        Assert.Equal(read.Lines.Select(l => l.ItemAttributes), viaCii.Lines.Select(l => l.ItemAttributes));
        Assert.Equal(read.TenderOrLotReference, viaUbl.TenderOrLotReference);
        Assert.Equal(read.InvoicedObjectIdentifier, viaUbl.InvoicedObjectIdentifier);
        Assert.Equal(read.SupportingDocuments, viaUbl.SupportingDocuments);
        Assert.Equal(read.Lines.Select(l => l.ItemAttributes), viaUbl.Lines.Select(l => l.ItemAttributes));
    }

    private static readonly string[] Texts = ["a", "Lot 7", "  ", "é&<>\"'", "x y", "0", "https://e.example/a?b=1&c=2", "#1#", "\u00A0z"];

    [Property(MaxTest = 150)]
    public bool ReadWriteRead_AnyMixOfTheFour_ReadsBackEqualInBothSyntaxes(int seed, NonNegativeInt documentCount, NonNegativeInt attributeCount, bool withTender, bool withObject, bool withScheme)
    {
        string Pick(int i) => Texts[Math.Abs((seed + (i * 7919)) % Texts.Length)] is var t && t.Trim().Length > 0 ? t.Trim() : "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string? Maybe(int i) => (seed >> (i % 30) & 1) == 0 ? null : Pick(i);

        var documents = Enumerable.Range(0, documentCount.Get % 5).Select(i => new SupportingDocument(Pick(i), Maybe(i + 11), Maybe(i + 23))).ToValueList();
        var attributes = Enumerable.Range(0, attributeCount.Get % 4).Select(i => new ItemAttribute(Pick(i + 3), Pick(i + 5))).ToValueList();
        var sample = CiiSamples.Domestic();
        var invoice = sample with
        {
            TenderOrLotReference = withTender ? Pick(41) : null,
            InvoicedObjectIdentifier = withObject ? new Identifier(Pick(43), withScheme ? "AVE" : null) : null,
            SupportingDocuments = documents.Count == 0 ? null : documents,
            Lines = [sample.Lines[0] with { ItemAttributes = attributes.Count == 0 ? null : attributes }, .. sample.Lines.Skip(1)],
        };

        var cii = EInvoiceReader.Read(CiiWriter.ToBytes(invoice)).Invoice;
        var ubl = UblReader.Read(UblWriter.Write(invoice)).Invoice;

        return cii == invoice && ubl == UblShape(invoice) && EInvoiceReader.Read(CiiWriter.ToBytes(cii)).Invoice == cii && UblReader.Read(UblWriter.Write(ubl)).Invoice == ubl;
    }
}
