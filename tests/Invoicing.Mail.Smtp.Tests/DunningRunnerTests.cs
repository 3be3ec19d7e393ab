using Invoicing.Core;
using Invoicing.Dunning;
using NodaTime;
using SmtpServer.Protocol;

namespace Invoicing.Mail.Smtp.Tests;

public sealed class DunningRunnerTests
{
    [Fact]
    public async Task RunOnce_OverdueInvoice_SendsTheReminderThroughSmtpAndJournalsIt()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        var harness = new RunnerHarness().WithOverdueInvoices(1);
        await harness.Settings.SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = "C-0", Language = "en", Email = "ap@customer.example" });

        var result = await harness.Runner(RunnerHarness.Smtp(server.Port), "w1").RunOnceAsync();
        var again = await harness.Runner(RunnerHarness.Smtp(server.Port), "w2").RunOnceAsync();

        Assert.Equal(1, result.Sent);
        Assert.Equal(0, again.Sent);
        var message = Assert.Single(server.Received);
        Assert.Equal("ap@customer.example", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Overdue: invoice F2026-00000, EUR 120.00 unpaid for 4 days", message.Subject);
        Assert.Equal(MessageIds.For(new ReminderKey("F2026-00000", "d+3"), "reminders.example.com"), message.MessageId);
        Assert.NotNull(message.TextBody);
        Assert.NotNull(message.HtmlBody);
        Assert.Equal("F2026-00000.pdf", Assert.Single(message.Attachments).ContentDisposition?.FileName);
        var entry = Assert.Single(await harness.Journal.ListByInvoiceAsync("F2026-00000"));
        Assert.Equal(ReminderState.Sent, entry.State);
    }

    [Fact]
    public async Task RunOnce_FourRunnersOverTenThousandInvoices_SendEachReminderOnce()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        var harness = new RunnerHarness().WithOverdueInvoices(10_000);
        var runners = Enumerable.Range(1, 4).Select(i => harness.Runner(RunnerHarness.Smtp(server.Port), "w" + i)).ToArray();

        var results = await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunOnceAsync())));

        Assert.Equal(10_000, results.Sum(r => r.Sent));
        Assert.Equal(10_000, server.Received.Count);
        Assert.Equal(10_000, server.Received.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(10_000, server.Received.Select(m => m.Subject).Distinct(StringComparer.Ordinal).Count());
        Assert.True(results.Count(r => r.Sent > 0) >= 2, "the work was shared between runners");
    }

    [Fact]
    public async Task RunOnce_CrashAfterSendBeforeJournal_ResentOnceWithTheSameMessageIdAndNothingMissed()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        var harness = new RunnerHarness().WithOverdueInvoices(200);
        var crashing = new CrashingSender(RunnerHarness.Smtp(server.Port), crashAfter: 80, afterSend: true);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.Runner(crashing, "w1").RunOnceAsync());
        var beforeLease = await harness.Runner(RunnerHarness.Smtp(server.Port), "w2").RunOnceAsync();
        harness.Clock.Advance(Duration.FromMinutes(11));
        var afterLease = await harness.Runner(RunnerHarness.Smtp(server.Port), "w2").RunOnceAsync();

        // SMTP cannot tell whether the 80th mail left: it is resent with its Message-ID, so the receiver can drop it.
        Assert.Equal(1, afterLease.Resumed);
        Assert.Equal(200, server.Received.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(201, server.Received.Count);
        var duplicate = Assert.Single(server.Received.GroupBy(m => m.MessageId), g => g.Count() > 1);
        Assert.Equal(crashing.CrashedMessageId, duplicate.Key);
        Assert.Equal(120, beforeLease.Sent);
        foreach (var number in harness.Accounts.Keys)
        {
            Assert.Equal(ReminderState.Sent, Assert.Single(await harness.Journal.ListByInvoiceAsync(number)).State);
        }
    }

    [Fact]
    public async Task RunOnce_CrashBeforeSend_ResentAfterTheLeaseWithoutDuplicate()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        var harness = new RunnerHarness().WithOverdueInvoices(50);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.Runner(new CrashingSender(RunnerHarness.Smtp(server.Port), 10, afterSend: false), "w1").RunOnceAsync());
        harness.Clock.Advance(Duration.FromMinutes(11));
        await harness.Runner(RunnerHarness.Smtp(server.Port), "w2").RunOnceAsync();

        Assert.Equal(50, server.Received.Count);
        Assert.Equal(50, server.Received.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task RunOnce_CancelledMidBatch_JournalsTheAcceptedMailAndRestartSendsNothingTwice()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        var harness = new RunnerHarness().WithOverdueInvoices(100);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Runner(new CancellingSender(RunnerHarness.Smtp(server.Port), 30, cancellation), "w1").RunOnceAsync(cancellation.Token));
        var restart = await harness.Runner(RunnerHarness.Smtp(server.Port), "w1").RunOnceAsync();

        Assert.Equal(30, 100 - restart.Sent);
        Assert.Equal(100, server.Received.Count);
        Assert.Equal(100, server.Received.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task RunOnce_CrashWithPickupFolder_ConfirmsFromTheFolderAndWritesNothingTwice()
    {
        var folder = Directory.CreateTempSubdirectory("pickup-");
        try
        {
            var harness = new RunnerHarness().WithOverdueInvoices(60);
            var pickup = MailServiceCollectionExtensions.CreatePickupFolderSender(folder.FullName, "relances@atelier.example");

            await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.Runner(new CrashingSender(pickup, 25, afterSend: true), "w1").RunOnceAsync());
            harness.Clock.Advance(Duration.FromMinutes(11));
            var restart = await harness.Runner(pickup, "w2").RunOnceAsync();

            Assert.Equal(1, restart.ConfirmedWithoutResend);
            Assert.Equal(35, restart.Sent);
            Assert.Equal(60, folder.GetFiles("*.eml").Length);
            Assert.Empty(folder.GetFiles("*.tmp"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RunOnce_ServerRefuses_RecordedPermanentAndNeverRetried()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(new SmtpResponse(SmtpReplyCode.TransactionFailed, "no such mailbox"));
        var harness = new RunnerHarness().WithOverdueInvoices(1);

        var first = await harness.Runner(RunnerHarness.Smtp(server.Port), "w1").RunOnceAsync();
        harness.Clock.Advance(Duration.FromDays(1));
        await harness.Runner(RunnerHarness.Smtp(server.Port), "w1").RunOnceAsync();

        Assert.Equal(1, first.PermanentFailures);
        Assert.Equal(1, server.Attempts);
        var entry = Assert.Single(await harness.Journal.ListByInvoiceAsync("F2026-00000"));
        Assert.Equal(ReminderState.FailedPermanent, entry.State);
        Assert.Contains("554", entry.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_ServerDropsConnection_RecordedTransientAndRetriedAfterBackoff()
    {
        using var dropping = new DroppingServer();
        var harness = new RunnerHarness().WithOverdueInvoices(1);
        var runner = harness.Runner(RunnerHarness.Smtp(dropping.Port), "w1", o => o.RetryBackoff = Duration.FromMinutes(15));

        var first = await runner.RunOnceAsync();
        harness.Clock.Advance(Duration.FromMinutes(14));
        var tooEarly = await runner.RunOnceAsync();
        harness.Clock.Advance(Duration.FromMinutes(2));
        var retried = await runner.RunOnceAsync();

        Assert.Equal(1, first.TransientFailures);
        Assert.Equal(0, tooEarly.Resumed);
        Assert.Equal(1, retried.Resumed);
        var entry = Assert.Single(await harness.Journal.ListByInvoiceAsync("F2026-00000"));
        Assert.Equal(ReminderState.FailedTransient, entry.State);
        Assert.Equal(2, entry.Attempts);
        Assert.Equal(2, dropping.Connections);
    }

    [Fact]
    public async Task RunOnce_PaidBeforeTheResend_GivesUpInsteadOfReminding()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        var harness = new RunnerHarness().WithOverdueInvoices(1);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.Runner(new CrashingSender(RunnerHarness.Smtp(server.Port), 1, afterSend: false), "w1").RunOnceAsync());
        var account = harness.Accounts["F2026-00000"];
        harness.Accounts["F2026-00000"] = account.WithPayment(account.Balance, RunnerHarness.Today);
        harness.Clock.Advance(Duration.FromMinutes(11));

        await harness.Runner(RunnerHarness.Smtp(server.Port), "w2").RunOnceAsync();

        Assert.Empty(server.Received);
        Assert.Equal(ReminderState.FailedPermanent, Assert.Single(await harness.Journal.ListByInvoiceAsync("F2026-00000")).State);
    }

    [Fact]
    public async Task RunOnce_NoRecipientAddress_RecordedPermanent()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        var harness = new RunnerHarness();
        harness.Accounts["F1"] = Fixtures.Account("F1", RunnerHarness.Today.PlusDays(-4), email: null);

        var result = await harness.Runner(RunnerHarness.Smtp(server.Port), "w1").RunOnceAsync();

        Assert.Equal(1, result.PermanentFailures);
        Assert.Contains("BT-58", Assert.Single(await harness.Journal.ListByInvoiceAsync("F1")).LastError, StringComparison.Ordinal);
    }
}
