using BenchmarkDotNet.Attributes;
using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Invoicing.Benchmarks;

/// <summary>
/// <see cref="RecurringRunner.RunOnceAsync"/> end to end: list the due schedules, plan, claim with the draft, issue
/// through <see cref="InvoicingService"/> (validation, numbering, hash chain), record the number. In memory over
/// 100,000 schedules of which one in 30 is due (3,334 invoices), and on a SQLite file (durable commits) over 2,000
/// schedules all due. Each iteration starts from freshly saved schedules (the saving is not measured), so each
/// iteration is one cold run: run it with <c>--strategy Monitoring --invocationCount 1 --unrollFactor 1</c> and a few
/// iterations (the command is in docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
public class RecurringRunBenchmarks
{
    private static readonly LocalDate Today = new(2026, 3, 2);
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 12, 0);
    private RecurringRunner _runner = null!;
    private IInvoiceStore? _sqlite;
    private string? _folder;

    [IterationSetup(Target = nameof(InMemory100000Schedules))]
    public void SetupInMemory()
    {
        var invoices = InvoiceStores.CreateInMemory();
        var schedules = RecurringScheduleStores.CreateInMemory(invoices);
        Save(schedules, RecurringSchedules.Create(100_000, 30, Today));
        _runner = Runner(schedules, invoices);
    }

    [IterationSetup(Target = nameof(Sqlite2000Schedules))]
    public void SetupSqlite()
    {
        _folder = Directory.CreateTempSubdirectory("invoicing-bench-recurring-").FullName;
        _sqlite = SqliteInvoiceStores.Open($"Data Source={Path.Combine(_folder, "invoices.db")}");
        var schedules = SqliteInvoiceStores.OpenRecurringScheduleStore(_sqlite);
        Save(schedules, RecurringSchedules.Create(2_000, 1, Today));
        _runner = Runner(schedules, _sqlite);
    }

    [IterationCleanup(Target = nameof(Sqlite2000Schedules))]
    public void CleanupSqlite()
    {
        ((IAsyncDisposable)_sqlite!).DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder!, recursive: true);
    }

    [Benchmark]
    public Task<RecurringRunResult> InMemory100000Schedules() => RunAsync(3_334);

    [Benchmark]
    public Task<RecurringRunResult> Sqlite2000Schedules() => RunAsync(2_000);

    /// <summary>Runs once and checks the run did what is measured: a run that failed its schedules would be fast and wrong.</summary>
    private async Task<RecurringRunResult> RunAsync(int expected)
    {
        var result = await _runner.RunOnceAsync();
        return result.Failures.Count == 0 && result.Issued == expected
            ? result
            : throw new InvalidOperationException($"The run issued {result.Issued} invoices, not {expected}: {result.Failures.FirstOrDefault()}");
    }

    private static void Save(IRecurringScheduleStore store, RecurringSchedule[] schedules)
    {
        foreach (var schedule in schedules)
        {
            store.SaveAsync(schedule).GetAwaiter().GetResult();
        }
    }

    private static RecurringRunner Runner(IRecurringScheduleStore schedules, IInvoiceStore invoices)
    {
        var clock = new FixedClock(Now);
        return new RecurringRunner(schedules, new InvoicingService(invoices, clock), clock);
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
