using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;
using static Invoicing.EInvoicing.Tests.ReadTestXml;

namespace Invoicing.EInvoicing.Tests;

/// <summary>Reading item attributes (BG-32: BT-160 name, BT-161 value) from CII and UBL.</summary>
public sealed class ItemAttributesReadTests
{
    private static readonly ItemAttribute Colour = new("Couleur", "Chêne clair");
    private static readonly ItemAttribute Finish = new("Finition", "Huilée & cirée");

    private static Invoice WithAttributes(Invoice invoice)
    {
        var first = invoice.Lines[0] with { ItemAttributes = [Colour, Finish] };
        return invoice with { Lines = [first, .. invoice.Lines.Skip(1)] };
    }

    [Fact]
    public void Read_CiiProductCharacteristics_ReadsThemOnTheirLineOnly()
    {
        var invoice = EInvoiceReader.Read(CiiWriter.ToBytes(WithAttributes(CiiSamples.Domestic()))).Invoice;

        Assert.Equal([Colour, Finish], invoice.Lines[0].ItemAttributes!);
        Assert.All(invoice.Lines.Skip(1), l => Assert.Null(l.ItemAttributes));
    }

    [Fact]
    public void Read_CiiCorpusExample_ReadsTheColour()
    {
        var invoice = EInvoiceReader.Read(Corpus("en16931/cii-examples/CII_example2.xml")).Invoice;

        Assert.Equal([new ItemAttribute("Color", "Black")], invoice.Lines[0].ItemAttributes!);
    }

    [Theory]
    [InlineData("Description", "BT-160")]
    [InlineData("Value", "BT-161")]
    public void Read_CiiCharacteristicMissingAPart_IsATypedErrorNamingTheTerm(string part, string term)
    {
        var bytes = Edit(CiiWriter.ToBytes(WithAttributes(CiiSamples.Domestic())), root =>
            root.Descendants(Ram + "ApplicableProductCharacteristic").Last().Element(Ram + part)!.Value = " ");

        var error = Assert.Throws<InvoiceFormatException>(() => EInvoiceReader.Read(bytes));

        Assert.Contains(term, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("ApplicableProductCharacteristic[2]/" + part, error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CiiPaddedValues_AreTrimmed()
    {
        var bytes = Edit(CiiWriter.ToBytes(WithAttributes(CiiSamples.Domestic())), root =>
        {
            foreach (var part in root.Descendants(Ram + "ApplicableProductCharacteristic").Elements())
            {
                part.Value = "\n  " + part.Value + "\t ";
            }
        });

        Assert.Equal([Colour, Finish], EInvoiceReader.Read(bytes).Invoice.Lines[0].ItemAttributes!);
    }

    [Theory]
    [InlineData("domestic")]
    [InlineData("credit-note")]
    public void Read_UblAdditionalItemProperties_ReadsThemOnTheirLineOnly(string sample)
    {
        var invoice = UblReader.Read(UblWriter.Write(WithAttributes(CiiSamples.Named(sample)))).Invoice;

        Assert.Equal([Colour, Finish], invoice.Lines[0].ItemAttributes!);
        Assert.All(invoice.Lines.Skip(1), l => Assert.Null(l.ItemAttributes));
    }

    [Fact]
    public void Read_UblCorpusExample_ReadsTheColour()
    {
        var invoice = UblReader.Read(Corpus("en16931/ubl-examples/ubl-tc434-example2.xml")).Invoice;

        Assert.Contains(new ItemAttribute("Color", "Black"), invoice.Lines.SelectMany(l => l.ItemAttributes ?? ValueList<ItemAttribute>.Empty));
    }

    [Theory]
    [InlineData("Name", "BT-160")]
    [InlineData("Value", "BT-161")]
    public void Read_UblPropertyMissingAPart_IsATypedErrorNamingTheTerm(string part, string term)
    {
        var bytes = Edit(UblWriter.Write(WithAttributes(CiiSamples.Domestic())), root =>
            root.Descendants(Cac + "AdditionalItemProperty").First().Element(Cbc + part)!.Remove());

        var error = Assert.Throws<InvoiceFormatException>(() => UblReader.Read(bytes));

        Assert.Contains(term, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("AdditionalItemProperty[1]/" + part, error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LinesWithoutAttributes_KeepTheListNullSoTheJsonIsUnchanged()
    {
        var cii = EInvoiceReader.Read(CiiWriter.ToBytes(CiiSamples.Domestic())).Invoice;
        var ubl = UblReader.Read(UblWriter.Write(CiiSamples.Domestic())).Invoice;

        Assert.All(cii.Lines.Concat(ubl.Lines), l => Assert.Null(l.ItemAttributes));
        Assert.DoesNotContain("itemAttributes", InvoiceJson.Serialize(cii), StringComparison.Ordinal);
        Assert.DoesNotContain("itemAttributes", InvoiceJson.Serialize(ubl), StringComparison.Ordinal);
    }
}
