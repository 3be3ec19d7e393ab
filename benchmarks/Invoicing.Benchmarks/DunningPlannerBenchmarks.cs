using BenchmarkDotNet.Attributes;
using Invoicing.Core;
using Invoicing.Dunning;
using NodaTime;

namespace Invoicing.Benchmarks;

/// <summary>
/// Planning over 1,000,000 open invoices streamed one by one (1,000 distinct accounts with due dates spread over
/// 100 days, cycled; a tenth with a journal entry), on one thread. Memory must not grow with the count.
/// </summary>
[MemoryDiagnoser]
public class DunningPlannerBenchmarks
{
    private static readonly LocalDate Today = new(2026, 12, 15);
    private DunningCase[] _pool = [];
    private readonly DunningPlanner _planner = new(new DunningPlannerOptions { Calendar = SendingCalendar.FrenchBusinessDays });

    [Params(1_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pool = new DunningCase[1000];
        for (var i = 0; i < _pool.Length; i++)
        {
            var number = "F2026-" + i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
            var document = InvoiceFactory.Create(10) with { Number = number, DueDate = Today.PlusDays(-(i % 100) + 10) };
            var account = new InvoiceAccount
            {
                Invoice = new IssuedInvoice
                {
                    Document = document,
                    Totals = InvoiceCalculator.Calculate(document),
                    SeriesId = "invoices",
                    Sequence = i,
                    IssuedAt = Instant.FromUtc(2026, 10, 1, 9, 0),
                    PreviousHash = new string('0', 64),
                    Hash = new string('a', 64),
                },
            };
            IReadOnlyList<ReminderEntry>? journal = i % 10 == 0
                ? [new ReminderEntry { Key = new ReminderKey(number, "d-7"), State = ReminderState.Sent, MessageId = "m@x.example", PlannedFor = Today, WorkerId = "w", LeaseExpiresAt = Instant.FromUtc(2026, 12, 1, 0, 0), Attempts = 1, CreatedAt = Instant.FromUtc(2026, 12, 1, 0, 0) }]
                : null;
            _pool[i] = new DunningCase(account, journal);
        }
    }

    private IEnumerable<DunningCase> Stream()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _pool[i % _pool.Length];
        }
    }

    [Benchmark]
    public int PlanOneMillion()
    {
        var due = 0;
        foreach (var _ in _planner.Plan(Stream(), Today))
        {
            due++;
        }

        return due;
    }
}
