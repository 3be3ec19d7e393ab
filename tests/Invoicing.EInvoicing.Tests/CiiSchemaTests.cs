using Invoicing.Core;

namespace Invoicing.EInvoicing.Tests;

/// <summary>Everything the CII writer produces is valid against the UN/CEFACT D16B schema.</summary>
public sealed class CiiSchemaTests
{
    public static TheoryData<string, FacturXProfile> SampleProfiles()
    {
        var data = new TheoryData<string, FacturXProfile>();
        foreach (var name in CiiSamples.Names())
        {
            foreach (var profile in Enum.GetValues<FacturXProfile>())
            {
                data.Add(name, profile);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleProfiles))]
    public void Write_SampleInProfile_IsValidAgainstTheD16BSchema(string sample, FacturXProfile profile)
    {
        var bytes = CiiWriter.ToBytes(CiiSamples.Named(sample), profile);

        Assert.Empty(CiiSchema.Validate(bytes));
    }

    [Fact]
    public void Validate_ElementsOutOfOrder_ReportsAnError()
    {
        // Guards the guard: the schema check really rejects a document in the wrong sequence order.
        var text = System.Text.Encoding.UTF8.GetString(CiiWriter.ToBytes(CiiSamples.Domestic()));
        var swapped = text.Replace("<ram:TypeCode>380</ram:TypeCode>", string.Empty, StringComparison.Ordinal)
            .Replace("</rsm:ExchangedDocument>", "<ram:TypeCode>380</ram:TypeCode></rsm:ExchangedDocument>", StringComparison.Ordinal);

        Assert.NotEmpty(CiiSchema.Validate(System.Text.Encoding.UTF8.GetBytes(swapped)));
    }
}
