namespace Invoicing.Cli.Tests.Commands;

public sealed class CrmCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("crm-cli-");
    private readonly string _data = Path.Combine(TestPaths.RepositoryRoot, "tests", "Invoicing.Cli.Tests", "Data", "crm");

    private string Db => Path.Combine(_directory.FullName, "invoices.db");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Sync_DryRun_PrintsWhatWouldBeDoneAndWritesNothing()
    {
        var result = await Sync("--dry-run");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.OutLines, line => line.StartsWith("would create", StringComparison.Ordinal) && line.Contains("D-1001", StringComparison.Ordinal) && line.Contains("1142.52 EUR", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, line => line.StartsWith("held", StringComparison.Ordinal) && line.Contains("D-1004", StringComparison.Ordinal) && line.Contains("customer.siren", StringComparison.Ordinal));
        Assert.Equal("csv: would create 3, would update 0, held 1, reported 0, unchanged 0, not won 0 (dry run: nothing written)", result.OutLines[^1]);
        var again = await Sync();
        Assert.Contains("created 3,", again.OutLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_Twice_SecondCreatesNothing()
    {
        var first = await Sync();
        var second = await Sync();

        Assert.Equal("csv: created 3, updated 0, held 1, reported 0, unchanged 0, not won 0", first.OutLines[^1]);
        Assert.Equal("csv: created 0, updated 0, held 0, reported 0, unchanged 4, not won 0", second.OutLines[^1]);
    }

    [Fact]
    public async Task Sync_FileWithBadRows_EachReportedAndNothingImportedUnlessSkipInvalid()
    {
        var lines = Path.Combine(_directory.FullName, "lines.csv");
        await File.WriteAllTextAsync(lines, "deal_id;customer_id;item;quantity;unit_price\nD1;C1;Lampe;deux;10\nD2;C2;Applique;1;10\n");

        var refused = await Sync("--lines", lines);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("error: lines.csv:2: quantity: 'deux' is not a number (write 1234.56 or 1234,56).", refused.ErrorLines[0]);
        Assert.False(File.Exists(Db));

        var skipped = await Sync("--lines", lines, "--skip-invalid");
        Assert.Equal(0, skipped.ExitCode);
        Assert.StartsWith("warning: skipped: lines.csv:2: quantity", skipped.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("csv: created 1, updated 0, held 0, reported 0, unchanged 0, not won 0", skipped.OutLines[^1]);
    }

    [Fact]
    public async Task Sync_MissingFiles_BadInputNamingTheOption()
    {
        var noLines = await CliRunner.RunAsync("crm", "sync", "--source", "csv", "--customers", Path.Combine(_data, "customers.csv"), "--db", Db, "--template", Path.Combine(_data, "template.json"));
        var unknown = await CliRunner.RunAsync("crm", "sync", "--source", "nope", "--db", Db, "--template", Path.Combine(_data, "template.json"));

        Assert.Equal(2, noLines.ExitCode);
        Assert.Contains("give --customers and --lines", noLines.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("nope", unknown.ErrorLines[0], StringComparison.Ordinal);
    }

    private Task<CliResult> Sync(params string[] extra)
    {
        var args = new List<string> { "crm", "sync", "--source", "csv", "--customers", Path.Combine(_data, "customers.csv"), "--db", Db, "--template", Path.Combine(_data, "template.json") };
        if (!extra.Contains("--lines"))
        {
            args.AddRange(["--lines", Path.Combine(_data, "lines.csv")]);
        }

        args.AddRange(extra);
        return CliRunner.RunAsync([.. args]);
    }
}
