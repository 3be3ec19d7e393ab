using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using NodaTime;

namespace Invoicing.Cli.Tests.Commands;

/// <summary><c>invoicing recurring</c> over a SQLite file, with the sample schedule (monthly maintenance from 15 September 2026).</summary>
public sealed class RecurringCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("invoicing-recurring-").FullName;

    private static string SampleSchedule => Path.Combine(TestPaths.RepositoryRoot, "samples", "recurring", "monthly-maintenance.json");

    private string Database => Path.Combine(_folder, "invoices.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task AddListRun_SampleSchedule_IssuesTheDuePeriodsOnceWithAProratedFirst()
    {
        var added = await CliRunner.RunAsync("recurring", "add", "--db", Database, "--schedule", SampleSchedule);
        Assert.Equal((0, "saved maint-dupont-2026: monthly on day 1, next due 2026-09-15"), (added.ExitCode, added.OutLines.Single()));

        var run = await CliRunner.RunAsync("recurring", "run", "--db", Database);
        var again = await CliRunner.RunAsync("recurring", "run", "--db", Database);
        var list = await CliRunner.RunAsync("recurring", "list", "--db", Database);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Equal(["issued 3 invoice(s) for 3 period(s); resumed 0, found issued 0, claimed elsewhere 0", "F2026-00001", "F2026-00002", "F2026-00003"], run.OutLines);
        Assert.Equal("issued 0 invoice(s) for 0 period(s); resumed 0, found issued 0, claimed elsewhere 0", again.OutLines.Single());
        Assert.Contains(list.OutLines, l => l.StartsWith("maint-dupont-2026", StringComparison.Ordinal) && l.Contains("2026-11-30", StringComparison.Ordinal) && l.Contains("2026-12-01", StringComparison.Ordinal) && l.EndsWith("running", StringComparison.Ordinal));
        var store = SqliteInvoiceStores.Open($"Data Source={Database}");
        await using var close = (IAsyncDisposable)store;
        var first = (await store.GetAsync("F2026-00001"))!;
        Assert.Equal(new InvoicePeriod { Start = new LocalDate(2026, 9, 15), End = new LocalDate(2026, 9, 30) }, first.Document.InvoicingPeriod);
        Assert.Equal(64.00m, first.Totals.LineNetTotal);
        Assert.Equal(120.00m, (await store.GetAsync("F2026-00002"))!.Totals.LineNetTotal);
    }

    [Fact]
    public async Task Run_AsOf_IssuesWhatWasDueThatDay()
    {
        await CliRunner.RunAsync("recurring", "add", "--db", Database, "--schedule", SampleSchedule);

        var run = await CliRunner.RunAsync("recurring", "run", "--db", Database, "--as-of", "2026-10-01");

        Assert.Equal("issued 2 invoice(s) for 2 period(s); resumed 0, found issued 0, claimed elsewhere 0", run.OutLines[0]);
    }

    [Fact]
    public async Task PauseResume_BillFrom_HoldNotInvoiced()
    {
        await CliRunner.RunAsync("recurring", "add", "--db", Database, "--schedule", SampleSchedule);

        var paused = await CliRunner.RunAsync("recurring", "pause", "--db", Database, "--id", "maint-dupont-2026");
        var whilePaused = await CliRunner.RunAsync("recurring", "run", "--db", Database);
        var resumed = await CliRunner.RunAsync("recurring", "resume", "--db", Database, "--id", "maint-dupont-2026", "--bill-from", "2026-11-01");
        var run = await CliRunner.RunAsync("recurring", "run", "--db", Database);

        Assert.Equal("paused maint-dupont-2026", paused.OutLines.Single());
        Assert.StartsWith("issued 0 invoice(s)", whilePaused.OutLines[0], StringComparison.Ordinal);
        Assert.Equal("resumed maint-dupont-2026", resumed.OutLines.Single());
        Assert.Equal(["issued 1 invoice(s) for 1 period(s); resumed 0, found issued 0, claimed elsewhere 0", "F2026-00001"], run.OutLines);
    }

    [Fact]
    public async Task Pause_UnknownSchedule_BadInputNamingIt()
    {
        await CliRunner.RunAsync("recurring", "add", "--db", Database, "--schedule", SampleSchedule);

        var result = await CliRunner.RunAsync("recurring", "pause", "--db", Database, "--id", "nope");

        Assert.Equal((2, "error: --id: there is no schedule 'nope'."), (result.ExitCode, result.ErrorLines.Single()));
    }

    [Fact]
    public async Task Add_MisspeltField_BadInputNamingTheFieldNothingSaved()
    {
        var file = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(SampleSchedule)).Replace("\"timeZone\"", "\"timezone\"", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("recurring", "add", "--db", Database, "--schedule", file);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: 'timezone' is not a schedule field", result.ErrorLines.Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_ScheduleBreakingARule_InvalidWithRuleAndField()
    {
        var file = Path.Combine(_folder, "zone.json");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(SampleSchedule)).Replace("Europe/Paris", "Europe/Lyon", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("recurring", "add", "--db", Database, "--schedule", file);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: REC-TIME-ZONE [Error] timeZone:", result.ErrorLines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TemplateBreakingARule_ReportedNamingScheduleAndRuleOthersIssued()
    {
        await CliRunner.RunAsync("recurring", "add", "--db", Database, "--schedule", SampleSchedule);
        var store = SqliteInvoiceStores.Open($"Data Source={Database}");
        await using (((IAsyncDisposable)store).ConfigureAwait(false))
        {
            var schedules = SqliteInvoiceStores.OpenRecurringScheduleStore(store);
            var sample = (await schedules.GetAsync("maint-dupont-2026"))!.Schedule;
            await schedules.SaveAsync(sample with { Id = "broken", Template = sample.Template with { Lines = [] } });
        }

        var result = await CliRunner.RunAsync("recurring", "run", "--db", Database);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("issued 3 invoice(s)", result.OutLines[0], StringComparison.Ordinal);
        Assert.StartsWith("error: Schedule 'broken', period from 2026-09-15: BR-16", result.ErrorLines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoDatabaseFile_BadInput()
    {
        var result = await CliRunner.RunAsync("recurring", "run", "--db", Path.Combine(_folder, "missing.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No database file", result.Error, StringComparison.Ordinal);
    }
}
