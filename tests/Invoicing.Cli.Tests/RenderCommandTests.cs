using System.Text.RegularExpressions;
using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.Pdf;
using static Invoicing.Cli.Tests.PdfFiles;

namespace Invoicing.Cli.Tests;

/// <summary><c>invoicing render</c>: our JSON, CII or UBL in; a PDF or a Factur-X PDF/A-3 out, read back.</summary>
public sealed partial class RenderCommandTests : IDisposable
{
    private static readonly string Cii = Path.GetFullPath(Path.Combine(
        TestPaths.RepositoryRoot, "..", "shared", "corpus", "facturx-official", "3._EN16931", "EN16931_Rabatte", "EN16931_Rabatte.xml"));

    private readonly string _folder = Directory.CreateTempSubdirectory("invoicing-render-").FullName;

    private string Out(string name) => Path.Combine(_folder, name);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("cii")]
    [InlineData("ubl")]
    [InlineData("json")]
    public async Task Render_EachInputSyntax_WritesAPdfShowingTheNumberAndAmountDue(string syntax)
    {
        var input = await InputAsync(syntax);
        var invoice = EInvoiceReader.Read(File.ReadAllBytes(Cii)).Invoice;

        var result = await CliRunner.RunAsync("render", input, "-o", Out("out.pdf"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("out.pdf: ", result.Out, StringComparison.Ordinal);
        var text = TextOf(Out("out.pdf"));
        Assert.Contains(invoice.Number!, text, StringComparison.Ordinal);
        Assert.Contains(FrenchAmount(InvoiceCalculator.Calculate(invoice).AmountDue), text, StringComparison.Ordinal);
        QpdfCheckPasses(Out("out.pdf"));
    }

    [Theory]
    [InlineData("minimum", FacturXProfile.Minimum)]
    [InlineData("basicwl", FacturXProfile.BasicWl)]
    [InlineData("basic", FacturXProfile.Basic)]
    [InlineData("en16931", FacturXProfile.En16931)]
    [InlineData("extended", FacturXProfile.Extended)]
    public async Task Render_FacturXProfile_EmbedsThatProfilesXml(string name, FacturXProfile profile)
    {
        var result = await CliRunner.RunAsync("render", Cii, "-o", Out("fx.pdf"), "--facturx", name);

        Assert.Equal(0, result.ExitCode);
        var pdf = File.ReadAllBytes(Out("fx.pdf"));
        Assert.Equal("factur-x.xml", FacturXReader.ExtractXml(pdf).FileName);
        var embedded = FacturXReader.Read(pdf);
        Assert.Equal(profile, embedded.Profile);
        Assert.Equal(EInvoiceReader.Read(File.ReadAllBytes(Cii)).Invoice.Number, embedded.Invoice.Number);
        QpdfCheckPasses(Out("fx.pdf"));
    }

    [Theory]
    [InlineData("fr", "FACTURE")]
    [InlineData("en", "INVOICE")]
    public async Task Render_Language_LabelsInThatLanguage(string language, string title)
    {
        var result = await CliRunner.RunAsync("render", Cii, "-o", Out("lang.pdf"), "--lang", language);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(title, TextOf(Out("lang.pdf")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_FacturXPdfAsInput_RendersTheInvoiceItCarries()
    {
        await CliRunner.RunAsync("render", Cii, "-o", Out("first.pdf"), "--facturx", "en16931");

        var result = await CliRunner.RunAsync("render", Out("first.pdf"), "-o", Out("second.pdf"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(EInvoiceReader.Read(File.ReadAllBytes(Cii)).Invoice.Number!, TextOf(Out("second.pdf")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_UnknownProfile_ExitsTwoNamingItAndWritesNothing()
    {
        var result = await CliRunner.RunAsync("render", Cii, "-o", Out("bad.pdf"), "--facturx", "gold");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown Factur-X profile 'gold'", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out("bad.pdf")));
    }

    [Fact]
    public async Task Render_UnknownLanguage_ExitsTwoNamingTheOption()
    {
        var result = await CliRunner.RunAsync("render", Cii, "-o", Out("bad.pdf"), "--lang", "de");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("de", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out("bad.pdf")));
    }

    [Fact]
    public async Task Render_MissingFile_ExitsTwoNamingTheFile()
    {
        var missing = Out("nowhere.xml");

        var result = await CliRunner.RunAsync("render", missing, "-o", Out("bad.pdf"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nowhere.xml", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out("bad.pdf")));
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><cbc:ID xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">1</cbc:ID></Invoice>")]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")]
    public async Task Render_MalformedOrHostileInput_ExitsTwoAndWritesNothing(string content)
    {
        await File.WriteAllTextAsync(Out("in.xml"), content);

        var result = await CliRunner.RunAsync("render", Out("in.xml"), "-o", Out("bad.pdf"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out("bad.pdf")));
    }

    [Fact]
    public async Task Render_NoOutputOption_ExitsTwoNamingIt()
    {
        var result = await CliRunner.RunAsync("render", Cii);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--output", result.Error, StringComparison.Ordinal);
    }

    private async Task<string> InputAsync(string syntax)
    {
        if (syntax == "cii")
        {
            return Cii;
        }

        var path = Out($"in.{(syntax == "json" ? "json" : "xml")}");
        var converted = await CliRunner.RunAsync("convert", Cii, "--to", syntax, "-o", path);
        Assert.Equal(0, converted.ExitCode);
        return path;
    }
}
