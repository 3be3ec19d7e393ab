using Invoicing.Core;
using Invoicing.EInvoicing;

namespace Invoicing.Cli.Tests.Commands;

/// <summary>
/// <c>validate</c> and <c>totals</c> on an e-invoice written from prices with VAT included: its stated VAT may be one
/// cent away from the VAT recomputed on its net figures, which BR-CO-17 allows; anything more is still an error.
/// </summary>
public sealed class VatInclusiveCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("invoicing-vatincl-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Five lines of 0.99 at 20 %: base 4.13, stated VAT 0.82 (4.95 - 4.13), while 4.13 x 20 % rounds to 0.83.</summary>
    private string FiveAt099(EInvoiceSyntax syntax, Func<string, string>? tamper = null)
    {
        var sample = InvoiceJson.Deserialize(File.ReadAllBytes(TestPaths.Sample("fr-b2c-vat-inclusive.json")));
        var invoice = sample with
        {
            Number = "F2026-00009",
            AllowancesCharges = [],
            Lines = [.. Enumerable.Range(1, 5).Select(i => sample.Lines[4] with { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture) })],
        };
        using var output = new MemoryStream();
        EInvoiceWriter.Write(invoice, syntax, output);
        var xml = System.Text.Encoding.UTF8.GetString(output.ToArray());
        var path = Path.Combine(_folder, $"five-{syntax}.xml");
        File.WriteAllText(path, tamper is null ? xml : tamper(xml));
        return path;
    }

    [Theory]
    [InlineData(EInvoiceSyntax.Cii)]
    [InlineData(EInvoiceSyntax.Ubl)]
    public async Task Validate_VatOneCentFromTheNetRecomputation_IsValidWithAWarning(EInvoiceSyntax syntax)
    {
        var result = await CliRunner.RunAsync("validate", FiveAt099(syntax));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("INV-STATED-VAT-ROUNDING  warning  totals  ", result.Out, StringComparison.Ordinal);
        Assert.Contains("BT-117 (S 20) stated 0.82, computed 0.83", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("INV-STATED-TOTALS", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Totals_VatOneCentFromTheNetRecomputation_NotesItAndExitsZero()
    {
        var result = await CliRunner.RunAsync("totals", FiveAt099(EInvoiceSyntax.Cii));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["stated VAT one minor unit away, as BR-CO-17 allows: BT-117 (S 20) stated 0.82, computed 0.83"], result.ErrorLines);
    }

    [Fact]
    public async Task Validate_StatedGrandTotalNotFollowingTheStatedVat_IsStillAnError()
    {
        // The VAT row is within a cent, but the grand total claims the recomputed VAT: BT-112 no longer adds up.
        var path = FiveAt099(EInvoiceSyntax.Cii, xml => xml.Replace("<ram:GrandTotalAmount>4.95</ram:GrandTotalAmount>", "<ram:GrandTotalAmount>4.96</ram:GrandTotalAmount>", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("validate", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("BT-112 stated 4.96, computed 4.95", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_StatedVatTwoCentsAway_IsStillAnError()
    {
        var path = FiveAt099(EInvoiceSyntax.Ubl, xml => xml
            .Replace("\">0.82</cbc:TaxAmount>", "\">0.81</cbc:TaxAmount>", StringComparison.Ordinal)
            .Replace("\">4.95</cbc:TaxInclusiveAmount>", "\">4.94</cbc:TaxInclusiveAmount>", StringComparison.Ordinal)
            .Replace("\">4.95</cbc:PayableAmount>", "\">4.94</cbc:PayableAmount>", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("validate", path);

        Assert.Equal(1, result.ExitCode);
        // One issue per rule and path is listed: the first difference, the total VAT.
        Assert.Contains("BT-110 stated 0.81, computed 0.83", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("INV-STATED-VAT-ROUNDING", result.Out, StringComparison.Ordinal);
    }
}
