using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using NodaTime;
using Xunit.Abstractions;

namespace Invoicing.Cli.Tests.Commands;

/// <summary>
/// <c>invoicing recurring run</c> as a real process, killed with SIGKILL at random moments while it claims and issues,
/// round after round, then a last run after the leases: every due period is in exactly one invoice, none is lost.
/// </summary>
public sealed class RecurringCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Schedules = 150;
    private const int Rounds = 8;
    private static readonly LocalDate FirstMonday = new(2026, 9, 7);
    private readonly string _folder = Directory.CreateTempSubdirectory("invoicing-recurring-crash-").FullName;

    private string Database => Path.Combine(_folder, "invoices.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Run_KilledAtRandomMoments_EveryPeriodInvoicedExactlyOnce()
    {
        await SaveSchedulesAsync();
        var random = new Random(20261208);
        var killedMidRun = 0;
        for (var round = 1; round <= Rounds; round++)
        {
            // Round r runs as of 09:00 in Paris on the r-th Monday: a new week is due, and the claims a killed child left
            // the week before have expired, so the child takes them over too.
            var asOf = FirstMonday.PlusWeeks(round - 1);
            var killed = await RunAndKillAsync(asOf, TimeSpan.FromMilliseconds(random.Next(300, 1500)));
            var billed = await CountLedgerAsync();
            killedMidRun += killed && billed < Schedules * round ? 1 : 0;
            output.WriteLine($"round {round} (as of {asOf}): killed {killed}, {billed} periods claimed");
        }

        // On 28 November, far past every lease: the run takes over what the killed children left and catches up the rest.
        var last = await CliRunner.RunAsync("recurring", "run", "--db", Database);

        Assert.Equal(0, last.ExitCode);
        Assert.True(killedMidRun > 0, "no child was killed while it was working");
        var store = SqliteInvoiceStores.Open($"Data Source={Database}");
        await using var close = (IAsyncDisposable)store;
        var schedules = SqliteInvoiceStores.OpenRecurringScheduleStore(store);
        var invoices = new List<IssuedInvoice>();
        await foreach (var account in store.QueryAsync(InvoiceQuery.All))
        {
            invoices.Add(account.Invoice);
        }

        // Weekly from 7 September, due on each Monday up to 23 November: 12 periods per schedule.
        var expected = Enumerable.Range(0, 12).Select(w => FirstMonday.PlusWeeks(w)).ToArray();
        var linesPerPeriod = invoices[0].Document.Lines.Select(l => l.Id.Split('-')[0]).Distinct().Count();
        for (var i = 0; i < Schedules; i++)
        {
            var rows = await schedules.ListOccurrencesAsync(Id(i));
            Assert.Equal(expected, rows.Select(r => r.PeriodStart));
            Assert.All(rows, r => Assert.Equal(OccurrenceState.Issued, r.State));

            // The invoices themselves, read apart from the ledger: each period of the schedule on its lines once.
            var billedPeriods = invoices.Where(inv => inv.Document.ContractReference == Id(i)).SelectMany(inv => inv.Document.Lines.Select(l => l.Period!.Start!.Value)).ToList();
            Assert.Equal(expected.SelectMany(p => Enumerable.Repeat(p, linesPerPeriod)), billedPeriods.Order());
        }

        var numbered = invoices.Select(i => i.Number).ToList();
        Assert.Equal(numbered.Count, numbered.Distinct().Count());
        Assert.True((await store.VerifyArchiveAsync()).IsIntact);
        output.WriteLine($"{invoices.Count} invoices for {Schedules * 12} periods, {killedMidRun} rounds killed mid-run");
    }

    private static string Id(int i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sub-{i:000}");

    private async Task SaveSchedulesAsync()
    {
        var template = InvoiceJson.Deserialize(await File.ReadAllTextAsync(TestPaths.Sample("fr-domestic.json")));
        var store = SqliteInvoiceStores.Open($"Data Source={Database}");
        await using var close = (IAsyncDisposable)store;
        var schedules = SqliteInvoiceStores.OpenRecurringScheduleStore(store);
        for (var i = 0; i < Schedules; i++)
        {
            await schedules.SaveAsync(new RecurringSchedule
            {
                Id = Id(i),
                Recurrence = Recurrence.EveryWeeks(1),
                Start = FirstMonday,
                CatchUp = i % 2 == 0 ? CatchUpMode.Combined : CatchUpMode.OnePerPeriod,
                TimeZone = "Europe/Paris",
                Template = template with { ContractReference = Id(i) },
            });
        }
    }

    private async Task<int> CountLedgerAsync()
    {
        var store = SqliteInvoiceStores.Open($"Data Source={Database}");
        await using var close = (IAsyncDisposable)store;
        var schedules = SqliteInvoiceStores.OpenRecurringScheduleStore(store);
        var count = 0;
        for (var i = 0; i < Schedules; i++)
        {
            count += (await schedules.ListOccurrencesAsync(Id(i))).Count;
        }

        return count;
    }

    /// <summary>Starts <c>invoicing recurring run</c>, kills it with SIGKILL after <paramref name="after"/>; true when it was still running.</summary>
    private Task<bool> RunAndKillAsync(LocalDate asOf, TimeSpan after) =>
        KilledChild.RunAndKillAsync(["recurring", "run", "--db", Database, "--as-of", NodaTime.Text.LocalDatePattern.Iso.Format(asOf)], after, code => code == 0);
}
