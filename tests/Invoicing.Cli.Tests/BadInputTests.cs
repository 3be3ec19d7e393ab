using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using Invoicing.Core;
using Invoicing.Pdf;

namespace Invoicing.Cli.Tests;

/// <summary>
/// Every command that reads a file answers a bad one with exit code 2 and one line in the user's words:
/// the field or the part of the file and what is wrong, never a .NET type name, a stack trace or a library's text.
/// </summary>
public sealed partial class BadInputTests : IDisposable
{
    private static readonly string Sample = File.ReadAllText(TestPaths.Sample("fr-domestic.json"));
    private static readonly Lazy<byte[]> FacturX = new(() => FacturXPdf.ToBytes(InvoiceJson.Deserialize(Sample) with { Number = "F2026-00042" }, EInvoicing.FacturXProfile.En16931));
    private static readonly Lazy<string> Ubl = new(() => Encoding.UTF8.GetString(EInvoicing.Ubl.UblWriter.Write(InvoiceJson.Deserialize(Sample) with { Number = "F2026-00042" })));

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("invoicing-bad-input-");


    /// <summary>The bad files: name, content, what the error line must say.</summary>
    private static (string Name, Func<byte[]> Content, string Expected)[] BadFiles =>
    [
        ("quantity-text.json", () => Utf8(Sample.Replace("\"quantity\": 4,", "\"quantity\": \"abc\",", StringComparison.Ordinal)),
            "Line 1: the field 'quantity' (BT-129) must be a number, got the text \"abc\"."),
        ("bad-date.json", () => Utf8(Sample.Replace("\"issueDate\": \"2026-11-02\"", "\"issueDate\": \"2026-13-01\"", StringComparison.Ordinal)),
            "The field 'issueDate' (BT-2) must be a date written YYYY-MM-DD, got the text \"2026-13-01\"."),
        ("unknown-field.json", () => Utf8(Sample.Replace("\"quantity\": 4,", "\"quantity\": 4, \"qty\": 4,", StringComparison.Ordinal)),
            "Unknown field 'qty' in line 1"),
        ("huge-number.json", () => Utf8(Sample.Replace("\"netPrice\": 189.90", "\"netPrice\": 1e999", StringComparison.Ordinal)),
            "Line 1: the field 'netPrice' (BT-146) is out of range"),
        ("truncated.json", () => Utf8(Sample[..(Sample.Length / 2)]), "The JSON ends too early (line "),
        ("deep.json", () => Utf8("{\"lines\": " + new string('[', 500) + new string(']', 500) + "}"), "The JSON nests deeper than 64 levels"),
        ("empty.json", () => [], "empty.json is empty: there is no invoice in it."),
        ("random.bin", () => Random(), "random.bin is not an invoice this tool reads"),
        ("cut.xml", () => Utf8(Ubl.Value[..(Ubl.Value.Length / 2)]), "The XML ends too early: the element /Invoice/"),
        ("broken.xml", () => Utf8(Ubl.Value.Replace("</cbc:IssueDate>", "</cbc:IssueDat>", StringComparison.Ordinal)), "The XML is not well formed inside /Invoice/IssueDate"),
        ("broken.pdf", () => "%PDF-1.7\nstartxref\n-14\n%%EOF\n"u8.ToArray(), "The PDF is damaged: its cross-reference table or one of its objects cannot be read."),
        ("cut.pdf", () => FacturX.Value[..(FacturX.Value.Length / 3)], "The PDF is cut off: it does not end with %%EOF"),
        ("plain.pdf", () => InvoicePdf.ToBytes(InvoiceJson.Deserialize(Sample) with { Number = "F2026-00042" }), "The PDF has no embedded files: it is not a Factur-X or ZUGFeRD invoice."),
    ];

    public static TheoryData<string, string> EveryCommandAndBadFile()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in new[] { "totals", "validate", "convert", "render" })
        {
            foreach (var file in BadFiles)
            {
                data.Add(command, file.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCommandAndBadFile))]
    public async Task Command_BadFile_PrintsOneUserLineAndExits2(string command, string fileName)
    {
        var bad = BadFiles.Single(f => f.Name == fileName);
        var path = Path.Combine(_folder.FullName, fileName);
        await File.WriteAllBytesAsync(path, bad.Content());
        var output = Path.Combine(_folder.FullName, "out-" + command);

        var result = await CliRunner.RunAsync(command switch
        {
            "convert" => ["convert", path, "--to", "ubl", "-o", output],
            "render" => ["render", path, "-o", output],
            _ => [command, path],
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(bad.Expected, line, StringComparison.Ordinal);
        AssertNoLeak(line);
        Assert.False(File.Exists(output), "a failed command must not leave an output file");
    }

    [Theory]
    [InlineData("report", "aging", "--store")]
    [InlineData("dunning", "plan", "--db")]
    [InlineData("archive", "verify", "--db")]
    public async Task StoreCommand_FileThatIsNotADatabase_SaysSoInOneLine(string command, string subcommand, string option)
    {
        var path = Path.Combine(_folder.FullName, "notes.db");
        await File.WriteAllTextAsync(path, "These are my notes, not a database. They are long enough to hold a header.");

        var result = await CliRunner.RunAsync(command, subcommand, option, path);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Equal("error: the database file is not a SQLite database: give the store an invoicing database file.", line);
    }

    [Fact]
    public async Task Totals_Folder_SaysItIsAFolder()
    {
        var result = await CliRunner.RunAsync("totals", _folder.FullName);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {_folder.FullName} is a folder; give an invoice file.", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnexpectedFault_PrintsOneInternalErrorLineWithoutTypeOrTrace()
    {
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var error = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var context = new CliContext(output, error, NodaTime.SystemClock.Instance);
        var root = CliApp.Root(context);
        var faulty = new Command("faulty");
        faulty.SetAction(new Func<ParseResult, int>(_ => throw new InvalidOperationException("Object reference not set to an instance of an object.")));
        root.Subcommands.Add(faulty);

        var exitCode = await CliApp.RunAsync(root, ["faulty"], context);

        Assert.Equal(3, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal("error: internal error: the command stopped on a fault of the tool, not of your input; please report it with the command you ran.", line);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static void AssertNoLeak(string line) =>
        Assert.False(Leak().IsMatch(line), $"The error line leaks .NET or library text: {line}");

    [GeneratedRegex(@"Invoicing\.|System\.|Exception|PdfSharp|\$\.|   at |could not be converted|SQLite Error|Object reference|\(Parameter '")]
    private static partial Regex Leak();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Random()
    {
        var bytes = new byte[512];
        new Random(17).NextBytes(bytes);
        bytes[0] = 0x07;
        return bytes;
    }
}
