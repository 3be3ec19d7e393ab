using Invoicing.Core;
using Invoicing.Storage.PostgreSql;
using NodaTime;
using NodaTime.Testing;
using static Invoicing.Storage.Tests.RecurringStoreFixtures;

namespace Invoicing.Storage.Tests.PostgreSql;

/// <summary>Recurring runners on several host instances of one PostgreSQL schema: every occurrence issued once.</summary>
public sealed class PostgresRecurringRunnerTests : IAsyncLifetime
{
    private readonly string _schema = PostgresTestDatabase.NewSchema();
    private readonly List<PostgreSqlInvoiceStore> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await PostgresTestDatabase.DropSchemaAsync(_schema);
    }

    /// <summary>
    /// 1,000 schedules (monthly on various days, every two weeks, quarterly; half catching up in one combined invoice),
    /// three months behind, and four hosts with their own connection pools running at the same moment.
    /// </summary>
    [Fact]
    public async Task RunOnceAsync_FourHostsThousandSchedules_EachOccurrenceIssuedOnce()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 20, 8, 0));
        var hosts = Enumerable.Range(0, 4).Select(_ => Host()).ToArray();
        var schedules = hosts[0].Schedules;
        var ids = Enumerable.Range(0, 1000).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sub-{i:0000}")).ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            var recurrence = (i % 3) switch
            {
                0 => Recurrence.MonthlyOnDay(1 + (i % 31)),
                1 => Recurrence.EveryWeeks(2),
                _ => Recurrence.Quarterly(1 + (i % 28)),
            };
            await schedules.SaveAsync(Schedule(ids[i], new LocalDate(2026, 1, 1).PlusDays(i % 20), i % 2 == 0 ? CatchUpMode.Combined : CatchUpMode.OnePerPeriod) with { Recurrence = recurrence });
        }

        var results = await Task.WhenAll(hosts.Select((host, w) => Task.Run(() =>
            new RecurringRunner(host.Schedules, new InvoicingService(host.Invoices, clock), clock, new RecurringOptions { WorkerId = $"host-{w}", MaxPeriodsPerRun = 1000 }).RunOnceAsync())));

        var invoices = new Dictionary<string, IssuedInvoice>(StringComparer.Ordinal);
        await foreach (var account in hosts[0].Invoices.QueryAsync(new InvoiceQuery()))
        {
            invoices.Add(account.Number, account.Invoice);
        }

        var rows = new List<RecurringOccurrence>();
        foreach (var id in ids)
        {
            var ledger = await schedules.ListOccurrencesAsync(id);
            var state = await schedules.GetAsync(id);
            var today = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Paris"]).Date;
            Assert.True(ledger.Count > 0, id);
            Assert.Equal(state!.BilledThrough, ledger[^1].PeriodEnd);
            Assert.True(state.NextDueAt > clock.GetCurrentInstant(), id);
            Assert.Equal(state.Schedule.Start, ledger[0].PeriodStart);
            for (var k = 1; k < ledger.Count; k++)
            {
                Assert.Equal(ledger[k - 1].PeriodEnd.PlusDays(1), ledger[k].PeriodStart);
            }

            Assert.All(ledger, r => Assert.True(r.PeriodStart <= today));
            rows.AddRange(ledger);
        }

        Assert.All(rows, r => Assert.Equal(OccurrenceState.Issued, r.State));
        Assert.Equal(invoices.Count, results.Sum(r => r.Issued));
        Assert.Equal(rows.Count, results.Sum(r => r.PeriodsClaimed));
        Assert.Empty(results.SelectMany(r => r.Failures));
        Assert.True(results.Count(r => r.Issued > 0) > 1, "the hosts shared the work");

        // Every invoice is one occurrence of the ledger, and its lines carry exactly that occurrence's periods.
        var byNumber = rows.GroupBy(r => r.InvoiceNumber!).ToDictionary(g => g.Key, g => g.Select(r => (r.PeriodStart, r.PeriodEnd)).Order().ToArray());
        Assert.Equal(invoices.Keys.Order(), byNumber.Keys.Order());
        foreach (var (number, invoice) in invoices)
        {
            Assert.Equal(byNumber[number], invoice.Document.Lines.Select(l => (l.Period!.Start!.Value, l.Period.End!.Value)).Distinct().Order());
        }

        Assert.Equal(rows.Count * 2, invoices.Values.Sum(i => i.Document.Lines.Count));
        Assert.True((await hosts[0].Invoices.VerifyArchiveAsync()).IsIntact);
    }

    private (IInvoiceStore Invoices, IRecurringScheduleStore Schedules) Host()
    {
        var database = new PostgreSqlDatabase(PostgresTestDatabase.Options(_schema));
        var store = new PostgreSqlInvoiceStore(database, ownsDatabase: true);
        _hosts.Add(store);
        return (store, new PostgreSqlRecurringScheduleStore(database));
    }
}
