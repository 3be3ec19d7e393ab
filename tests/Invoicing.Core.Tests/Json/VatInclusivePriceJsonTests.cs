using System.Text;

namespace Invoicing.Core.Tests.Json;

/// <summary>The VAT-inclusive price of a line (<c>vatInclusivePrice</c>) in the invoice JSON and in the canonical (archive) bytes.</summary>
public sealed class VatInclusivePriceJsonTests
{
    private static string Sample(string name) => File.ReadAllText(TestPaths.Sample(name));

    [Fact]
    public void Deserialize_B2cSample_ReadsTheVatInclusivePricesAndRoundTrips()
    {
        var invoice = InvoiceJson.Deserialize(Sample("fr-b2c-vat-inclusive.json"));

        var again = InvoiceJson.Deserialize(InvoiceJson.Serialize(invoice));

        Assert.True(invoice.PricesIncludeVat);
        Assert.Equal([0.99m, 7.90m, 0.99m, 0.99m, 0.99m], invoice.Lines.Select(l => l.VatInclusivePrice!.Value));
        Assert.All(invoice.Lines, l => Assert.Equal(0m, l.NetPrice));
        Assert.Equal(invoice, again);
        Assert.Equal(InvoiceJson.Canonical(invoice), InvoiceJson.Canonical(again));
    }

    [Fact]
    public void Canonical_NetPricedSample_HasNoVatInclusivePriceKey()
    {
        var invoice = InvoiceJson.Deserialize(Sample("fr-domestic.json"));

        var text = Encoding.UTF8.GetString(InvoiceJson.Canonical(invoice));

        Assert.DoesNotContain("vatInclusivePrice", text, StringComparison.Ordinal);
        Assert.False(invoice.PricesIncludeVat);
    }

    [Fact]
    public void Canonical_VatInclusiveLine_PlacesThePriceAfterTheNetPrice()
    {
        var invoice = InvoiceJson.Deserialize(Sample("fr-b2c-vat-inclusive.json"));

        var text = Encoding.UTF8.GetString(InvoiceJson.Canonical(invoice));

        Assert.True(text.Contains("\"unitCode\":\"C62\",\"netPrice\":0,\"vatInclusivePrice\":0.99,\"allowancesCharges\"", StringComparison.Ordinal), text);
    }

    [Fact]
    public void Deserialize_LineWithoutNetPrice_IsStillRefusedNamingTheField()
    {
        // netPrice stays required in the JSON, VAT-inclusive line or not: a line that forgot its price is not free.
        var json = Sample("fr-b2c-vat-inclusive.json").Replace("\"netPrice\": 0, \"vatInclusivePrice\": 7.90", "\"vatInclusivePrice\": 7.90", StringComparison.Ordinal);

        var exception = Assert.Throws<InvoiceFormatException>(() => InvoiceJson.Deserialize(json));

        Assert.Contains("netPrice", exception.Message, StringComparison.Ordinal);
        Assert.Equal("lines[1].netPrice", exception.Path);
    }

    [Fact]
    public void Deserialize_VatInclusivePriceNotANumber_IsRefusedNamingTheField()
    {
        var json = Sample("fr-b2c-vat-inclusive.json").Replace("\"vatInclusivePrice\": 7.90", "\"vatInclusivePrice\": \"7,90\"", StringComparison.Ordinal);

        var exception = Assert.Throws<InvoiceFormatException>(() => InvoiceJson.Deserialize(json));

        Assert.Contains("vatInclusivePrice", exception.Message, StringComparison.Ordinal);
        Assert.Equal("lines[1].vatInclusivePrice", exception.Path);
    }
}
