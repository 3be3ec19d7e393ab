using System.Diagnostics;
using Invoicing.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Invoicing.Mail.Smtp.Tests.PostgreSql;

/// <summary>The runner on the PostgreSQL reminder journal: several workers, each with its own pool, as separate processes would be.</summary>
public sealed class PostgresJournalRunnerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _schema = PostgresTestServer.NewSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => PostgresTestServer.DropSchemaAsync(_schema);

    [Fact]
    public async Task RunOnce_FourRunnersOnThePostgresJournal_SendEachReminderOnce()
    {
        var providers = Enumerable.Range(0, 4).Select(_ => PostgresTestServer.Provider(_schema)).ToArray();
        try
        {
            await using var server = await LoopbackSmtpServer.StartAsync();
            var harness = new RunnerHarness().WithOverdueInvoices(10_000);
            var runners = providers.Select((p, i) => harness.Runner(RunnerHarness.Smtp(server.Port), "w" + (i + 1), journal: p.GetRequiredService<IReminderJournal>())).ToArray();

            var clock = Stopwatch.StartNew();
            var results = await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunOnceAsync())));
            output.WriteLine($"4 runners, 10,000 reminders on PostgreSQL: {clock.Elapsed.TotalSeconds:0.0} s; sent per runner: {string.Join(", ", results.Select(r => r.Sent))}");

            Assert.Equal(10_000, results.Sum(r => r.Sent));
            Assert.Equal(10_000, server.Received.Count);
            Assert.Equal(10_000, server.Received.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(10_000, await PostgresTestServer.CountAsync(_schema, "SELECT count(*) FROM reminder_journal WHERE state = 'Sent'"));
            Assert.Equal(10_000, await PostgresTestServer.CountAsync(_schema, "SELECT count(*) FROM reminder_journal"));
            Assert.All(results, r => Assert.Equal(0, r.TransientFailures + r.PermanentFailures));

            // A second round by every runner finds everything journalled and sends nothing.
            var again = await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunOnceAsync())));
            Assert.Equal(0, again.Sum(r => r.Sent));
            Assert.Equal(10_000, server.Received.Count);
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }
        }
    }
}
