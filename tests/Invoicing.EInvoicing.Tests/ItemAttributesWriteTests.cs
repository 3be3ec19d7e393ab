using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.EInvoicing.Ubl;

namespace Invoicing.EInvoicing.Tests;

/// <summary>Item attributes (BG-32: BT-160 name, BT-161 value) in both syntaxes and in the JSON shape.</summary>
public sealed class ItemAttributesWriteTests
{
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static readonly XNamespace Cbc = UblNames.Cbc;
    private static readonly XNamespace Cac = UblNames.Cac;

    private static Invoice WithAttributes()
    {
        var invoice = CiiSamples.Domestic();
        var first = invoice.Lines[0] with { ItemAttributes = [new ItemAttribute("Couleur", "Chêne clair"), new ItemAttribute("Finition", "Huilée & cirée")] };
        return invoice with { Lines = [first, .. invoice.Lines.Skip(1)] };
    }

    private static XElement Root(byte[] bytes) => XDocument.Load(new MemoryStream(bytes)).Root!;

    [Fact]
    public void ToBytes_En16931_WritesEachAttributeAsAProductCharacteristic()
    {
        var bytes = CiiWriter.ToBytes(WithAttributes());

        var product = Root(bytes).Descendants(Ram + "SpecifiedTradeProduct").First();
        var characteristics = product.Elements(Ram + "ApplicableProductCharacteristic").ToList();
        Assert.Equal(["Couleur", "Finition"], characteristics.Select(c => c.Element(Ram + "Description")!.Value));
        Assert.Equal(["Chêne clair", "Huilée & cirée"], characteristics.Select(c => c.Element(Ram + "Value")!.Value));
        Assert.Empty(Root(CiiWriter.ToBytes(CiiSamples.Domestic())).Descendants(Ram + "ApplicableProductCharacteristic"));
        Assert.Empty(CiiSchema.Validate(bytes));
    }

    [Fact]
    public void Write_Basic_LeavesTheAttributesOutAndReportsThem()
    {
        using var output = new MemoryStream();

        var losses = CiiWriter.Write(WithAttributes(), FacturXProfile.Basic, output);

        Assert.Contains(losses, l => l.RuleId == "CII-PROFILE" && l.Path == "lines[0].itemAttributes");
        Assert.Empty(Root(output.ToArray()).Descendants(Ram + "ApplicableProductCharacteristic"));
    }

    [Fact]
    public void Write_Ubl_WritesEachAttributeAsAnAdditionalItemPropertyAfterTheTaxCategory()
    {
        var bytes = UblWriter.Write(WithAttributes());

        var item = Root(bytes).Elements(Cac + "InvoiceLine").First().Element(Cac + "Item")!;
        var names = item.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.True(names.IndexOf("ClassifiedTaxCategory") < names.IndexOf("AdditionalItemProperty"));
        var properties = item.Elements(Cac + "AdditionalItemProperty").ToList();
        Assert.Equal(["Couleur", "Finition"], properties.Select(p => p.Element(Cbc + "Name")!.Value));
        Assert.Equal(["Chêne clair", "Huilée & cirée"], properties.Select(p => p.Element(Cbc + "Value")!.Value));
        Assert.Empty(UblSchema.Validate(bytes));
    }

    [Fact]
    public void Serialize_Attributes_RoundTripInJsonAndAreOmittedWhenAbsent()
    {
        var invoice = WithAttributes();

        var json = InvoiceJson.Serialize(invoice);

        Assert.Contains("\"itemAttributes\"", json, StringComparison.Ordinal);
        Assert.Equal(invoice, InvoiceJson.Deserialize(json));
        Assert.DoesNotContain("itemAttributes", InvoiceJson.Serialize(CiiSamples.Domestic()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "name": null, "value": "Rouge" }""")]
    [InlineData("""{ "value": "Rouge" }""")]
    [InlineData("""{ "name": "Couleur" }""")]
    public void Deserialize_AttributeWithoutNameOrValue_IsATypedError(string attribute)
    {
        var json = InvoiceJson.Serialize(CiiSamples.Domestic()).Replace("\"itemName\": \"Table en ch", "\"itemAttributes\": [" + attribute + "], \"itemName\": \"Table en ch", StringComparison.Ordinal);
        Assert.Contains("itemAttributes", json, StringComparison.Ordinal);

        Assert.Throws<InvoiceFormatException>(() => InvoiceJson.Deserialize(json));
    }
}
