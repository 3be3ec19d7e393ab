using System.Text;
using Invoicing.Core.Tests.Validation;
using Xunit;

namespace Invoicing.Core.Tests.Json;

/// <summary>The optional seller tax representative (BG-11) in the invoice JSON and in the canonical (archive) bytes.</summary>
public sealed class TaxRepresentativeJsonTests
{
    private static readonly TaxRepresentative Representative = new()
    {
        Name = "Représentation Fiscale Lyon SARL",
        VatId = "FR40303265045",
        Address = new PostalAddress { Line1 = "8 quai Saint-Antoine", City = "Lyon", PostCode = "69002", CountryCode = "FR" },
    };

    [Fact]
    public void Serialize_WithRepresentative_RoundTripsToAnEqualModel()
    {
        var invoice = ValidationFixtures.FrenchB2B() with { SellerTaxRepresentative = Representative };

        var json = InvoiceJson.Serialize(invoice);
        var again = InvoiceJson.Deserialize(json);

        Assert.Contains("\"sellerTaxRepresentative\"", json, StringComparison.Ordinal);
        Assert.Equal(invoice, again);
        Assert.Equal(Representative, again.SellerTaxRepresentative);
    }

    [Fact]
    public void Serialize_WithoutRepresentative_RoundTripsAndHasNoKey()
    {
        var invoice = ValidationFixtures.FrenchB2B();

        var json = InvoiceJson.Serialize(invoice);
        var again = InvoiceJson.Deserialize(json);

        Assert.DoesNotContain("sellerTaxRepresentative", json, StringComparison.Ordinal);
        Assert.Null(again.SellerTaxRepresentative);
        Assert.Equal(invoice, again);
    }

    [Fact]
    public void Canonical_SampleWithoutRepresentative_IsByteIdenticalToTheSampleWithoutTheMember()
    {
        // The canonical bytes (hashed into the archive chain) of a document without BG-11 must not change: they are
        // the compact form of the same properties, with no sellerTaxRepresentative key at all.
        var invoice = InvoiceJson.Deserialize(File.ReadAllText(TestPaths.Sample("fr-domestic.json")));

        var canonical = InvoiceJson.Canonical(invoice);
        var text = Encoding.UTF8.GetString(canonical);

        Assert.DoesNotContain("sellerTaxRepresentative", text, StringComparison.Ordinal);
        Assert.Equal(canonical, InvoiceJson.Canonical(InvoiceJson.Deserialize(text)));
        Assert.Equal(canonical, InvoiceJson.Canonical(invoice with { SellerTaxRepresentative = null }));
    }

    /// <summary>An invoice with a payee, a delivery and a document charge, written before BG-11 existed.</summary>
    private const string WrittenBeforeBg11 = """
        {"number":"F2026-00099","type":380,"issueDate":"2026-11-05","currency":"EUR","dueDate":"2026-12-05","buyerReference":"ACH-1","notes":[{"text":"Pénalités : 3 fois le taux légal.","subjectCode":"PMD"},{"text":"Indemnité forfaitaire : 40 EUR.","subjectCode":"PMT"}],"businessProcessType":"B1","seller":{"name":"Atelier Lumière SAS","legalId":{"value":"123456782","scheme":"0002"},"vatId":"FR11123456782","address":{"line1":"12 rue de la République","city":"Lyon","postCode":"69002","countryCode":"FR"}},"buyer":{"name":"Boulangerie Dupont & Fils","legalId":{"value":"987654324","scheme":"0002"},"vatId":"FR14987654324","address":{"city":"Villeurbanne","countryCode":"FR"}},"payee":{"name":"Affacturage Lyon SA"},"delivery":{"date":"2026-11-04","address":{"city":"Villeurbanne","countryCode":"FR"}},"paymentInstructions":{"meansCode":"58","creditTransfers":[{"accountId":"FR7630006000011234567890189"}]},"allowancesCharges":[{"isCharge":true,"amount":25,"vatCategory":"S","vatRate":20,"reason":"Livraison"}],"lines":[{"id":"1","itemName":"Lampe","quantity":4,"unitCode":"C62","netPrice":189.90,"vatCategory":"S","vatRate":20},{"id":"2","itemName":"Livre","quantity":2,"unitCode":"C62","netPrice":14.20,"vatCategory":"S","vatRate":5.5}]}
        """;

    [Fact]
    public void Canonical_InvoiceWithoutRepresentative_HashesAsBeforeTheMemberExisted()
    {
        // SHA-256 of the canonical bytes (what the archive chain hashes) computed by the Core of the commit before
        // SellerTaxRepresentative was added; a member that changed them would change every stored invoice's hash.
        var invoice = InvoiceJson.Deserialize(WrittenBeforeBg11);

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(InvoiceJson.Canonical(invoice)));

        Assert.Equal("9ABD81DD868C1B95D0B3BE7650F4B6A8B4180ADC1504D2139B48499CF929B6F1", hash);
    }

    [Fact]
    public void Canonical_WithRepresentative_DiffersAndPlacesItAfterThePayee()
    {
        var invoice = ValidationFixtures.FrenchB2B() with { Payee = new Party { Name = "Factor SA" } };

        var without = Encoding.UTF8.GetString(InvoiceJson.Canonical(invoice));
        var with = Encoding.UTF8.GetString(InvoiceJson.Canonical(invoice with { SellerTaxRepresentative = Representative }));

        Assert.NotEqual(without, with);
        var payee = with.IndexOf("\"payee\"", StringComparison.Ordinal);
        var representative = with.IndexOf("\"sellerTaxRepresentative\":{\"name\":\"Repr\\u00E9sentation Fiscale Lyon SARL\",\"vatId\":\"FR40303265045\"", StringComparison.Ordinal);
        Assert.True(payee >= 0 && representative > payee, with);
    }

    [Theory]
    [InlineData("{\"vatId\": \"FR40303265045\"}", "name")]
    [InlineData("{\"name\": \"R\", \"address\": {\"city\": \"Lyon\"}}", "countryCode")]
    [InlineData("{\"name\": \"R\", \"vatNumber\": \"FR40303265045\"}", "vatNumber")]
    [InlineData("{\"name\": 12}", "name")]
    [InlineData("\"Représentation\"", "sellerTaxRepresentative")]
    public void Deserialize_BadRepresentative_ThrowsFormatExceptionNamingTheField(string representative, string field)
    {
        var json = InvoiceJson.Serialize(ValidationFixtures.FrenchB2B());
        json = json.Insert(json.IndexOf('{', StringComparison.Ordinal) + 1, "\"sellerTaxRepresentative\": " + representative + ",");

        var exception = Assert.Throws<InvoiceFormatException>(() => InvoiceJson.Deserialize(json));

        Assert.StartsWith("sellerTaxRepresentative", exception.Path, StringComparison.Ordinal);
        Assert.Contains("sellerTaxRepresentative", exception.Message, StringComparison.Ordinal);
        Assert.Contains(field, exception.Path + " " + exception.Message, StringComparison.Ordinal);
        MessageLeaks.AssertNone(exception.Message);
    }
}
