using Invoicing.Core;
using Invoicing.Storage.Sqlite;

namespace Invoicing.Mail.Smtp.Tests;

public sealed class SqliteJournalRunnerTests
{
    [Fact]
    public async Task RunOnce_FourRunnersOnTheSqliteJournal_SendEachReminderOnce()
    {
        var folder = Directory.CreateTempSubdirectory("journal-");
        var store = SqliteInvoiceStores.Open($"Data Source={Path.Combine(folder.FullName, "journal.db")}");
        try
        {
            await SqliteInvoiceStores.MigrateAsync(store);
            await using var server = await LoopbackSmtpServer.StartAsync();
            var harness = new RunnerHarness { Journal = SqliteInvoiceStores.OpenReminderJournal(store) }.WithOverdueInvoices(10_000);
            var runners = Enumerable.Range(1, 4).Select(i => harness.Runner(RunnerHarness.Smtp(server.Port), "w" + i)).ToArray();

            var results = await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunOnceAsync())));

            Assert.Equal(10_000, results.Sum(r => r.Sent));
            Assert.Equal(10_000, server.Received.Count);
            Assert.Equal(10_000, server.Received.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
            Assert.All(await harness.Journal.ListByInvoiceAsync("F2026-09999"), e => Assert.Equal(ReminderState.Sent, e.State));
        }
        finally
        {
            await ((IAsyncDisposable)store).DisposeAsync();
            folder.Delete(recursive: true);
        }
    }
}
