using System.Diagnostics;
using System.Reflection;
using Invoicing.Core;
using Invoicing.France.Tests.Platform;
using Invoicing.Storage.Sqlite;
using Xunit.Abstractions;

namespace Invoicing.France.Tests.Crash;

/// <summary>
/// A real process sending invoices to the fake platform, killed with SIGKILL between the platform taking a flow and
/// its record (and at random moments) over several rounds: after restart no invoice is sent twice (POSTs counted per
/// invoice on the platform) and every invoice ends sent.
/// </summary>
public sealed class SendingCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Invoices = 40;
    private const int Rounds = 8;
    private static readonly string CrashHost = typeof(SendingCrashTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FrenchPlatformCrashHost").Value!;
    private readonly FakePlatform _platform = new();
    private readonly DirectoryInfo _folder = System.IO.Directory.CreateTempSubdirectory("fr-crash-");

    [Fact]
    public async Task Send_KilledBetweenSentAndRecordedAndAtRandom_EachInvoiceSentOnce()
    {
        var database = Path.Combine(_folder.FullName, "invoices.db");
        var numbers = await IssueAsync(database);
        var numbersFile = Path.Combine(_folder.FullName, "numbers.txt");
        await File.WriteAllLinesAsync(numbersFile, numbers);
        var random = new Random(16);
        var killedInTheWindow = 0;

        for (var round = 1; round <= Rounds; round++)
        {
            // Odd rounds record one flow, then stop in the window between "submitted" and "recorded" and are killed there;
            // even rounds run free and are killed as soon as they announced a random number of flows taken.
            var pause = round % 2 == 1;
            var after = random.Next(1, 7);
            var (killed, lines) = await RunAsync(database, numbersFile, pause ? "pause" : "run", lines => Submitted(lines) >= (pause ? 2 : after));
            var submitted = lines.Where(l => l.StartsWith("submitted ", StringComparison.Ordinal)).Select(l => l[10..]).ToHashSet();
            var recorded = lines.Where(l => l.StartsWith("recorded ", StringComparison.Ordinal)).Select(l => l[9..]).ToHashSet();
            if (killed && submitted.Except(recorded).Any())
            {
                killedInTheWindow++;
            }

            output.WriteLine($"round {round}: {(killed ? "killed" : "finished")}; {_platform.Flows.Count} flows on the platform; {string.Join(" | ", lines)}");
        }

        var (lastKilled, last) = await RunAsync(database, numbersFile, "run", _ => false);
        output.WriteLine("final run: " + string.Join(" | ", last));

        Assert.False(lastKilled);
        Assert.Equal("done", last[^1]);
        Assert.True(killedInTheWindow >= Rounds / 2, $"Only {killedInTheWindow} kills fell between a flow taken and its record.");
        var posts = _platform.Server.LogEntries.Count(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path == "/flow-service/v1/flows");
        Assert.Equal(Invoices, posts);
        var perInvoice = _platform.Flows.GroupBy(f => f.TrackingId).ToDictionary(g => g.Key!, g => g.Count());
        Assert.All(numbers, n => Assert.Equal(1, perInvoice.GetValueOrDefault("inv-" + n)));

        var store = SqliteInvoiceStores.Open($"Data Source={database}");
        var flows = SqliteInvoiceStores.OpenOutgoingFlowStore(store);
        foreach (var number in numbers)
        {
            var flow = await flows.GetAsync(number, "pa-crash");
            Assert.Contains(flow!.State, new[] { OutgoingFlowState.Sent, OutgoingFlowState.Acknowledged });
            Assert.Equal(_platform.Flows.Single(f => f.TrackingId == "inv-" + number).FlowId, flow.FlowId);
        }

        await ((IAsyncDisposable)store).DisposeAsync();
        _platform.AssertConformant();
    }

    public void Dispose()
    {
        _platform.Dispose();
        _folder.Delete(recursive: true);
    }

    private async Task<List<string>> IssueAsync(string database)
    {
        _platform.Lines.Add(new DirectoryLineRow("732829320", "732829320"));
        var store = SqliteInvoiceStores.Open($"Data Source={database}");
        var numbers = new List<string>();
        for (var i = 0; i < Invoices; i++)
        {
            numbers.Add((await store.IssueAsync(StoreFixtures.Request(StoreFixtures.Draft(customer: "732829320")))).Number);
        }

        await ((IAsyncDisposable)store).DisposeAsync();
        return numbers;
    }

    private static int Submitted(List<string> lines) => lines.Count(l => l.StartsWith("submitted ", StringComparison.Ordinal));

    /// <summary>Runs the child; once it printed "ready", kills it (SIGKILL) as soon as <paramref name="killWhen"/> holds for its output.</summary>
    private async Task<(bool Killed, List<string> Lines)> RunAsync(string database, string numbersFile, string mode, Func<List<string>, bool> killWhen)
    {
        Assert.True(File.Exists(CrashHost), $"The crash host is not built at {CrashHost}.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { CrashHost, database, numbersFile, _platform.Server.Url!, mode })
        {
            start.ArgumentList.Add(argument);
        }

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

            Assert.Fail("The crash host did not start: " + await errors);
        }

        var guard = Stopwatch.StartNew();
        var killed = false;
        while (!child.HasExited)
        {
            List<string> seen;
            lock (lines)
            {
                seen = [.. lines];
            }

            if (killWhen(seen))
            {
                // Process.Kill sends SIGKILL on Unix: no finally block, no flush, no dispose runs in the child.
                child.Kill(entireProcessTree: true);
                killed = true;
                break;
            }

            Assert.True(guard.Elapsed < TimeSpan.FromSeconds(120), "The crash host ran for two minutes: " + string.Join(" | ", seen));
            await Task.Delay(5);
        }

        await child.WaitForExitAsync();
        await reading;
        if (!killed && child.ExitCode != 0)
        {
            Assert.Fail($"The crash host failed ({child.ExitCode}): {await errors}");
        }

        return (killed, lines);
    }
}
