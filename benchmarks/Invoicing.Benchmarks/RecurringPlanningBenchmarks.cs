using BenchmarkDotNet.Attributes;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Benchmarks;

/// <summary>
/// The pure side of a recurring run over 100,000 schedules, all started on 1 January 2026 and billed up to the period that holds 28 February 2027 (one or two periods due on 1 March 2027): which
/// periods are due (the calendar), the next due instant (what the store keeps), and the occurrence drafts.
/// </summary>
[MemoryDiagnoser]
public class RecurringPlanningBenchmarks
{
    private const int Schedules = 100_000;
    private static readonly LocalDate Today = new(2027, 3, 1);
    private RecurringSchedule[] _schedules = null!;
    private LocalDate[] _billedThrough = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schedules = [.. RecurringSchedules.Create(Schedules, 1, new LocalDate(2026, 1, 1))];
        _billedThrough = [.. _schedules.Select(s => RecurringCalendar.FirstUnbilled(s, Today.PlusDays(-1), out _)!.Value.Start.PlusDays(-1))];
    }

    /// <summary>The due periods of every schedule.</summary>
    [Benchmark(OperationsPerInvoke = Schedules)]
    public int Plan()
    {
        var due = 0;
        for (var i = 0; i < _schedules.Length; i++)
        {
            due += RecurringCalendar.Due(_schedules[i], _billedThrough[i], null, Today, 120).Count;
        }

        return due;
    }

    /// <summary>The due periods and the next due instant after them, as the runner computes for each claim.</summary>
    [Benchmark(OperationsPerInvoke = Schedules)]
    public long PlanAndNextDue()
    {
        long ticks = 0;
        for (var i = 0; i < _schedules.Length; i++)
        {
            var due = RecurringCalendar.Due(_schedules[i], _billedThrough[i], null, Today, 120);
            ticks ^= RecurringRules.NextDueAt(_schedules[i], due.Count > 0 ? due[^1].End : _billedThrough[i], null)?.ToUnixTimeTicks() ?? 0;
        }

        return ticks;
    }

    /// <summary>The due periods and each occurrence's draft (3 lines, prorated when partial).</summary>
    [Benchmark(OperationsPerInvoke = Schedules)]
    public int PlanAndBuildDrafts()
    {
        var lines = 0;
        for (var i = 0; i < _schedules.Length; i++)
        {
            var due = RecurringCalendar.Due(_schedules[i], _billedThrough[i], null, Today, 120);
            if (due.Count > 0)
            {
                lines += OccurrenceDrafts.Build(_schedules[i], due, Today).Lines.Count;
            }
        }

        return lines;
    }
}
