using System.Text;
using System.Text.Json;

namespace Invoicing.Packaging.Tests;

/// <summary>
/// Runs what eng/prepare-package-checks.sh built from the packed packages, as a host outside the repository would:
/// the README's quickstart, the installed `invoicing` tool and the Native AOT sample.
/// </summary>
public sealed class HostRunTests : IDisposable
{
    private readonly DirectoryInfo _workFolder = Directory.CreateTempSubdirectory("invoicing-packaging-");

    [Fact]
    public void Consumer_BuiltFromThePackedPackages_RunsTheReadmeQuickstart()
    {
        var consumer = Artifacts.Prepared("consumer");

        var run = ProcessRun.Start("dotnet", _workFolder.FullName, Path.Combine(consumer, "Consumer.dll"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^F\d{4}-00001: 255(\.00)? \+ 51(\.00)? VAT = 306(\.00)? EUR$", line);
        var pdf = Assert.Single(_workFolder.GetFiles("F*.pdf"));
        AssertFacturX(File.ReadAllBytes(pdf.FullName));
    }

    [Fact]
    public void Consumer_TakesTheInvoicingLibrariesAsPackagesNotProjects()
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts.Prepared("consumer"), "Consumer.deps.json")));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Name.StartsWith("Invoicing.", StringComparison.Ordinal))
            .ToDictionary(library => library.Name.Split('/')[0], library => library.Value.GetProperty("type").GetString());

        // Invoicing.Reporting comes with Invoicing.Pdf, whose statement of account is Reporting's model.
        Assert.Equal(["Invoicing.Core", "Invoicing.EInvoicing", "Invoicing.Pdf", "Invoicing.Reporting", "Invoicing.Storage.Sqlite"], libraries.Keys.Order(StringComparer.Ordinal));
        Assert.All(libraries.Values, type => Assert.Equal("package", type));
    }

    [Fact]
    public void Tool_InstalledFromThePackedFolder_ShowsItsCommands()
    {
        var invoicing = Path.Combine(Artifacts.Prepared("tool"), "invoicing");

        var run = ProcessRun.Start(invoicing, _workFolder.FullName, "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var command in new[] { "demo", "totals", "validate", "convert", "render", "dunning", "report", "statement", "roi" })
        {
            Assert.Contains(command, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tool_InstalledFromThePackedFolder_ComputesTotals()
    {
        var invoicing = Path.Combine(Artifacts.Prepared("tool"), "invoicing");
        var sample = Directory.GetFiles(Path.Combine(Artifacts.RepositoryRoot, "samples", "invoices"), "*.json").Order(StringComparer.Ordinal).First();

        var run = ProcessRun.Start(invoicing, _workFolder.FullName, "totals", sample);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(string.IsNullOrWhiteSpace(run.Output), run.ToString());
    }

    [Fact]
    public void AotConsole_PublishedNatively_IssuesWritesCiiAndRendersThePdf()
    {
        var app = Path.Combine(Artifacts.Prepared("aot"), "AotConsole");
        Assert.False(File.Exists(Path.Combine(Artifacts.Prepared("aot"), "AotConsole.dll")), "The AOT sample was not published natively.");

        var run = ProcessRun.Start(app, _workFolder.FullName, _workFolder.FullName);

        Assert.True(run.ExitCode == 0, run.ToString());
        var xml = Assert.Single(_workFolder.GetFiles("A*.xml"));
        Assert.Contains("CrossIndustryInvoice", File.ReadAllText(xml.FullName), StringComparison.Ordinal);
        var pdf = Assert.Single(_workFolder.GetFiles("A*.pdf"));
        AssertFacturX(File.ReadAllBytes(pdf.FullName));
    }

    private static void AssertFacturX(byte[] pdf)
    {
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.Contains("factur-x.xml", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }

    public void Dispose() => _workFolder.Delete(recursive: true);
}
