using Invoicing.Core;
using Invoicing.EInvoicing;

namespace Invoicing.Cli.Tests;

/// <summary><c>invoicing convert</c>, and <c>totals</c> on CII input.</summary>
public sealed class ConvertCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("invoicing-convert-").FullName;

    private static string Corpus(string relative) => Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "corpus", relative));

    private static readonly string Consistent = Corpus("facturx-official/3._EN16931/EN16931_Rabatte/EN16931_Rabatte.xml");

    private string Out(string name) => Path.Combine(_folder, name);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Convert_CiiToJson_WritesOurJsonOfTheSameInvoice()
    {
        var result = await CliRunner.RunAsync("convert", Consistent, "--to", "json", "-o", Out("rabatte.json"));

        Assert.Equal(0, result.ExitCode);
        var expected = EInvoiceReader.Read(File.ReadAllBytes(Consistent)).Invoice;
        Assert.Equal(expected, InvoiceJson.Deserialize(File.ReadAllBytes(Out("rabatte.json"))));
    }

    [Fact]
    public async Task Convert_JsonToCiiWithProfile_WritesThatProfile()
    {
        await CliRunner.RunAsync("convert", Consistent, "--to", "json", "-o", Out("in.json"));

        var result = await CliRunner.RunAsync("convert", Out("in.json"), "--to", "cii", "--profile", "extended", "-o", Out("out.xml"));

        Assert.Equal(0, result.ExitCode);
        var document = EInvoiceReader.Read(File.ReadAllBytes(Out("out.xml")));
        Assert.Equal(FacturXProfile.Extended, document.Profile);
        Assert.Equal(InvoiceJson.Deserialize(File.ReadAllBytes(Out("in.json"))), document.Invoice);
    }

    [Fact]
    public async Task Convert_CiiToUbl_WritesUblWithTheSameTotals()
    {
        var result = await CliRunner.RunAsync("convert", Consistent, "--to", "ubl", "-o", Out("out-ubl.xml"));

        Assert.Equal(0, result.ExitCode);
        var ubl = EInvoiceReader.Read(File.ReadAllBytes(Out("out-ubl.xml")));
        Assert.Equal(EInvoiceSyntax.Ubl, ubl.Syntax);
        Assert.Equal(InvoiceCalculator.Calculate(EInvoiceReader.Read(File.ReadAllBytes(Consistent)).Invoice).AmountDue, ubl.StatedTotals.AmountDue);
    }

    [Fact]
    public async Task Convert_NoOutputFile_WritesToStandardOutput()
    {
        var result = await CliRunner.RunAsync("convert", Consistent, "--to", "cii");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("<rsm:CrossIndustryInvoice", result.Out, StringComparison.Ordinal);
        Assert.Contains("urn:cen.eu:en16931:2017</ram:ID>", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_ToMinimumWithLines_WarnsOfEachLossOnStandardError()
    {
        var result = await CliRunner.RunAsync("convert", Consistent, "--to", "cii", "--profile", "minimum", "-o", Out("min.xml"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("warning: CII-PROFILE", StringComparison.Ordinal) && l.Contains("lines", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--to", "xml")]
    [InlineData("--to", "cii", "--profile", "xrechnung")]
    [InlineData("--to", "ubl", "--profile", "basic")]
    public async Task Convert_BadArguments_ExitsWithBadInput(params string[] arguments)
    {
        var result = await CliRunner.RunAsync(["convert", Consistent, .. arguments, "-o", Out("x.xml")]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error:", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out("x.xml")));
    }

    [Fact]
    public async Task Convert_MissingFile_ExitsWithBadInput()
    {
        var result = await CliRunner.RunAsync("convert", Out("nope.xml"), "--to", "json");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Convert_HostileXml_IsRefusedWithATypedError()
    {
        await File.WriteAllTextAsync(Out("xxe.xml"), "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>");

        var result = await CliRunner.RunAsync("convert", Out("xxe.xml"), "--to", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("XML-DTD", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_XmlThatIsNotAnInvoice_NamesTheRoot()
    {
        await File.WriteAllTextAsync(Out("order.xml"), "<Order xmlns=\"urn:example\"/>");

        var result = await CliRunner.RunAsync("convert", Out("order.xml"), "--to", "cii");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("XML-ROOT", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Totals_ConsistentCii_ExitsZero()
    {
        var result = await CliRunner.RunAsync("totals", Consistent);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("215.07", result.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Totals_CiiWhoseStatedTotalsDiffer_ReportsEachDifferenceAndExitsOne()
    {
        // CII_example1 states -109.98 for a return line of +6 x 18.33.
        var result = await CliRunner.RunAsync("totals", Corpus("en16931/cii-examples/CII_example1.xml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("stated total differs: BT-106 stated 229.6", StringComparison.Ordinal));
    }
}
