using System.Diagnostics;
using System.Reflection;
using Invoicing.Core;
using Invoicing.Mail.Smtp.Tests.PostgreSql;
using Invoicing.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using Xunit.Abstractions;

namespace Invoicing.Mail.Smtp.Tests;

/// <summary>
/// A real child process runs the dunning runner over 1,000 overdue invoices into a pickup folder and is killed with
/// SIGKILL at random moments, eight times, each restart 20 minutes later (past the 10-minute lease). At the end the
/// folder holds exactly one .eml per invoice (nothing twice, nothing missed) and the journal has every entry sent.
/// </summary>
public sealed class DunningCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Invoices = 1_000;
    private const int Kills = 8;

    private static readonly string CrashHost = typeof(DunningCrashTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "DunningCrashHost").Value!;

    private static readonly Instant T0 = Instant.FromUtc(2026, 12, 15, 8, 0);
    private static readonly LocalDate DueDate = new(2026, 12, 11);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dunning-crash-");

    /// <summary>Where the child sends: the pickup folder, or <c>smtp:PORT</c>.</summary>
    private string _target = string.Empty;

    /// <summary>How many mails arrived so far where the child sends.</summary>
    private Func<int> _mails = () => 0;

    private string Pickup => Path.Combine(_folder.FullName, "pickup");

    private int PickupMails => Directory.Exists(Pickup) ? Directory.GetFiles(Pickup, "*.eml").Length : 0;

    private int Mails => _mails();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task RunOnce_SqliteJournal_KilledEightTimes_EachReminderWrittenOnce()
    {
        var database = Path.Combine(_folder.FullName, "invoices.db");
        var store = SqliteInvoiceStores.Open($"Data Source={database}");
        try
        {
            await SqliteInvoiceStores.MigrateAsync(store);
            var numbers = await IssueAsync(store);
            (_target, _mails) = (Pickup, () => PickupMails);

            await KillAndRestartAsync(["sqlite", database], seed: 4);

            await AssertEachReminderWrittenOnceAsync(numbers);
            var journal = SqliteInvoiceStores.OpenReminderJournal(store);
            foreach (var number in numbers)
            {
                var entry = Assert.Single(await journal.ListByInvoiceAsync(number));
                Assert.Equal(ReminderState.Sent, entry.State);
            }
        }
        finally
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }
    }

    [Fact]
    public async Task RunOnce_PostgresJournal_KilledEightTimes_EachReminderWrittenOnce()
    {
        var schema = PostgresTestServer.NewSchema();
        try
        {
            IReadOnlyList<string> numbers;
            await using (var provider = PostgresTestServer.Provider(schema))
            {
                numbers = await IssueAsync(provider.GetRequiredService<IInvoiceStore>());
            }

            (_target, _mails) = (Pickup, () => PickupMails);
            await KillAndRestartAsync(["postgres", PostgresTestServer.ConnectionString, schema], seed: 5);

            await AssertEachReminderWrittenOnceAsync(numbers);
            Assert.Equal(Invoices, await PostgresTestServer.CountAsync(schema, "SELECT count(*) FROM reminder_journal WHERE state = 'Sent'"));
            Assert.Equal(Invoices, await PostgresTestServer.CountAsync(schema, "SELECT count(*) FROM reminder_journal"));
        }
        finally
        {
            await PostgresTestServer.DropSchemaAsync(schema);
        }
    }

    /// <summary>
    /// The same through a real SMTP server in the test process. SMTP cannot tell whether a message was delivered, so a
    /// mail accepted just before a kill is sent again with the same Message-ID: every reminder arrives, each Message-ID
    /// stands for one (invoice, step), and there is at most one duplicate per kill (one reminder in flight per process).
    /// </summary>
    [Fact]
    public async Task RunOnce_SqliteJournalThroughSmtp_KilledEightTimes_EachReminderArrivesWithOneMessageId()
    {
        var database = Path.Combine(_folder.FullName, "invoices.db");
        var store = SqliteInvoiceStores.Open($"Data Source={database}");
        try
        {
            await SqliteInvoiceStores.MigrateAsync(store);
            var numbers = await IssueAsync(store);
            await using var server = await LoopbackSmtpServer.StartAsync();
            (_target, _mails) = ("smtp:" + server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), () => server.Received.Count);

            await KillAndRestartAsync(["sqlite", database], seed: 6);

            var received = server.Received.ToArray();
            var distinct = received.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count();
            output.WriteLine($"SMTP received {received.Length} messages, {distinct} distinct Message-IDs");
            Assert.Equal(Invoices, distinct);
            Assert.InRange(received.Length - Invoices, 0, Kills);
            var bySubject = received.GroupBy(m => numbers.Single(n => (m.Subject ?? string.Empty).Contains(n, StringComparison.Ordinal)), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
            Assert.All(numbers, n => Assert.Single(bySubject[n].Select(m => m.MessageId).Distinct(StringComparer.Ordinal)));
            var journal = SqliteInvoiceStores.OpenReminderJournal(store);
            foreach (var number in numbers)
            {
                var entry = Assert.Single(await journal.ListByInvoiceAsync(number));
                Assert.Equal(ReminderState.Sent, entry.State);
            }
        }
        finally
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }
    }

    private static async Task<IReadOnlyList<string>> IssueAsync(IInvoiceStore store)
    {
        var numbers = new List<string>(Invoices);
        for (var i = 0; i < Invoices; i++)
        {
            var document = Fixtures.Invoice("unused", DueDate, 100m + i, email: $"compta{i}@client.example", customerId: "C-" + i) with { Number = null };
            var issued = await store.IssueAsync(new IssueRequest { Document = document, Series = NumberSeries.DefaultInvoices, IssuedAt = Instant.FromUtc(2026, 11, 11, 9, 0).PlusTicks(i) });
            numbers.Add(issued.Number);
        }

        return numbers;
    }

    /// <summary>Kills the child <see cref="Kills"/> times at random moments, then lets one run finish, then checks a last run sends nothing.</summary>
    private async Task KillAndRestartAsync(string[] storeArguments, int seed)
    {
        var random = new Random(seed);
        var killedMidBatch = 0;
        for (var round = 1; round <= Kills; round++)
        {
            var before = Mails;

            // Every third round dies soon after start (opening the store, resuming, first claims); the others after a random share of the batch.
            Func<bool> killWhen = round % 3 == 1
                ? StopwatchCondition(TimeSpan.FromMilliseconds(random.Next(0, 150)))
                : MailCondition(before + random.Next(1, Invoices / 5));
            var (killed, lines) = await RunAsync(storeArguments, round, killWhen);
            var after = Mails;
            if (killed && after < Invoices)
            {
                killedMidBatch++;
            }

            output.WriteLine($"round {round}: {(killed ? "killed" : "finished")} with {after} mails ({after - before} new); {string.Join(" | ", lines)}");
        }

        var (lastKilled, lastLines) = await RunAsync(storeArguments, Kills + 1, () => false);
        output.WriteLine($"final run: {string.Join(" | ", lastLines)}; {(Directory.Exists(Pickup) ? Directory.GetFiles(Pickup, "*.tmp").Length : 0)} partial .tmp files left by kills");
        Assert.False(lastKilled);
        Assert.StartsWith("done ", lastLines[^1], StringComparison.Ordinal);
        Assert.True(killedMidBatch >= Kills / 2, $"Only {killedMidBatch} kills happened in the middle of the batch.");

        var (_, again) = await RunAsync(storeArguments, Kills + 2, () => false);
        Assert.Equal("done 0 0 0", again[^1]);
    }

    private async Task AssertEachReminderWrittenOnceAsync(IReadOnlyList<string> numbers)
    {
        var messages = new List<MimeMessage>();
        foreach (var path in Directory.GetFiles(Pickup, "*.eml"))
        {
            messages.Add(await MimeMessage.LoadAsync(path));
        }

        Assert.Equal(Invoices, messages.Count);
        Assert.Equal(Invoices, messages.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
        var bySubject = messages.ToLookup(m => numbers.Single(n => (m.Subject ?? string.Empty).Contains(n, StringComparison.Ordinal)), StringComparer.Ordinal);
        Assert.All(numbers, n => Assert.Single(bySubject[n]));
    }

    private Func<bool> MailCondition(int count) => () => Mails >= count;

    private static Func<bool> StopwatchCondition(TimeSpan after)
    {
        Stopwatch? clock = null;
        return () => (clock ??= Stopwatch.StartNew()).Elapsed >= after;
    }

    /// <summary>Runs the child as of T0 + 20 min x <paramref name="round"/>; once it printed "ready", kills it (SIGKILL) as soon as <paramref name="killWhen"/> holds.</summary>
    private async Task<(bool Killed, List<string> Lines)> RunAsync(string[] storeArguments, int round, Func<bool> killWhen)
    {
        Assert.True(File.Exists(CrashHost), $"The crash host is not built at {CrashHost}.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CrashHost);
        foreach (var argument in storeArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(_target);
        start.ArgumentList.Add(T0.Plus(Duration.FromMinutes(20 * round)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("worker-" + round);
        using var child = Process.Start(start)!;
        var lines = new List<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.Run(async () =>
        {
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }

                if (line == "ready")
                {
                    ready.TrySetResult();
                }
            }
        });
        var errors = child.StandardError.ReadToEndAsync();
        await Task.WhenAny(ready.Task, child.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (!ready.Task.IsCompleted)
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }

            Assert.Fail("The dunning crash host did not start: " + await errors);
        }

        var guard = Stopwatch.StartNew();
        var killed = false;
        while (!child.HasExited)
        {
            if (killWhen())
            {
                // Process.Kill sends SIGKILL on Unix: no finally block, no flush, no dispose runs in the child.
                child.Kill(entireProcessTree: true);
                killed = true;
                break;
            }

            Assert.True(guard.Elapsed < TimeSpan.FromMinutes(5), "The dunning crash host ran for more than 5 minutes.");
            await Task.Delay(2);
        }

        await child.WaitForExitAsync();
        await reading;
        var stderr = await errors;
        if (!killed)
        {
            Assert.True(child.ExitCode == 0, $"The dunning crash host failed ({child.ExitCode}): {stderr}");
        }

        lock (lines)
        {
            return (killed, [.. lines]);
        }
    }
}
