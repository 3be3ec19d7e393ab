using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Invoicing.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Invoicing.Events.Tests.Crash;

/// <summary>
/// Runs the event crash host (a child changing invoices while it delivers their events to two handlers, one of which
/// throws now and then) and kills it with SIGKILL at a random moment, round after round, so kills land between a change
/// and its delivery. A last run delivers what is left. Then: every change the child reported committed has its event,
/// and every event of the store is in each handler's log (at least once, in order), nothing else.
/// </summary>
internal static class EventCrashRounds
{
    private static readonly string[] Handlers = ["ledger", "flaky"];

    private static readonly string CrashHost = typeof(EventCrashRounds).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CrashHost").Value!;

    /// <param name="storeArguments">The crash host's arguments naming the store.</param>
    /// <param name="useStore">Registers the same store in the test process.</param>
    /// <param name="rounds">How many times the child is killed.</param>
    /// <param name="output">Where each round is reported.</param>
    public static async Task RunAsync(string[] storeArguments, Action<IInvoicingBuilder> useStore, int rounds, ITestOutputHelper output)
    {
        Assert.True(File.Exists(CrashHost), $"The crash host is not built at {CrashHost}.");
        var logs = Directory.CreateTempSubdirectory("invoicing-events-crash-");
        try
        {
            var random = new Random(20261208);
            var acknowledged = new List<(string Kind, string Number)>();
            var killedBeforeDelivery = 0;
            for (var round = 1; round <= rounds; round++)
            {
                var lines = await RunAndKillAsync([.. storeArguments, logs.FullName, "work"], TimeSpan.FromMilliseconds(random.Next(0, 400)));
                acknowledged.AddRange(lines.Select(l => l.Split(' ')).Where(p => p.Length == 3 && p[0] == "committed").Select(p => (p[1], p[2])));

                var (last, slowest) = await PositionsAsync(useStore);
                if (slowest < last)
                {
                    killedBeforeDelivery++;
                }

                output.WriteLine($"round {round}: {last} events, slowest handler at {slowest}");
            }

            var drained = await RunToEndAsync([.. storeArguments, logs.FullName, "drain"]);
            Assert.Contains("drained", drained);

            var events = await AllEventsAsync(useStore);
            AssertEveryChangeHasItsEvent(acknowledged, events);
            foreach (var handler in Handlers)
            {
                var duplicates = AssertDeliveredAtLeastOnceInOrder(Path.Combine(logs.FullName, handler + ".log"), events, handler);
                output.WriteLine($"{handler}: {events.Count} events delivered, {duplicates} delivered again after a kill or a failure");
            }

            Assert.True(acknowledged.Count > rounds, $"The child committed only {acknowledged.Count} changes in {rounds} rounds.");
            Assert.True(killedBeforeDelivery > 0, "No kill landed between a change and its delivery.");
        }
        finally
        {
            logs.Delete(recursive: true);
        }
    }

    private static void AssertEveryChangeHasItsEvent(List<(string Kind, string Number)> acknowledged, IReadOnlyList<InvoiceEvent> events)
    {
        var recorded = events.GroupBy(e => (InvoiceEventKinds.Name(e.Kind), e.InvoiceNumber)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var change in acknowledged.GroupBy(c => c))
        {
            Assert.True(recorded.GetValueOrDefault(change.Key) >= change.Count(), $"The change '{change.Key.Kind} {change.Key.Number}' was committed but has no event.");
        }

        // Each document is issued once, and each invoice's changes follow one of the child's four paths.
        Assert.All(events.GroupBy(e => e.InvoiceNumber), invoice => Assert.Single(invoice, e => e.Kind == InvoiceEventKind.Issued));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        Assert.True(events.Zip(events.Skip(1)).All(pair => pair.First.Position < pair.Second.Position));
    }

    /// <summary>Every event is in the log, and no other; first deliveries are in position order. Returns how many lines repeat an event.</summary>
    private static int AssertDeliveredAtLeastOnceInOrder(string log, IReadOnlyList<InvoiceEvent> events, string handler)
    {
        var delivered = new List<(long Position, Guid Id)>();
        foreach (var line in File.ReadAllLines(log))
        {
            // A kill during a write may leave its last line cut: that delivery did not return, so it comes again whole.
            var parts = line.Split(' ');
            if (parts.Length == 4 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var position) && Guid.TryParse(parts[1], out var id))
            {
                delivered.Add((position, id));
            }
        }

        var byId = events.ToDictionary(e => e.Id);
        Assert.All(delivered, d => Assert.True(byId.TryGetValue(d.Id, out var e) && e.Position == d.Position, $"{handler} got an event the store does not hold: {d.Position} {d.Id}."));
        var firsts = delivered.DistinctBy(d => d.Id).ToList();
        Assert.Equal(events.Select(e => e.Id), firsts.Select(d => d.Id));
        return delivered.Count - firsts.Count;
    }

    private static async Task<(long Last, long Slowest)> PositionsAsync(Action<IInvoicingBuilder> useStore)
    {
        var provider = Provider(useStore);
        await using (provider)
        {
            var events = provider.GetRequiredService<IInvoiceEventStore>();
            var all = await ReadAllAsync(events);
            var cursors = new List<long>();
            foreach (var handler in Handlers)
            {
                cursors.Add(await events.GetCursorAsync(handler));
            }

            return (all.Count == 0 ? 0 : all[^1].Position, cursors.Min());
        }
    }

    private static async Task<IReadOnlyList<InvoiceEvent>> AllEventsAsync(Action<IInvoicingBuilder> useStore)
    {
        var provider = Provider(useStore);
        await using (provider)
        {
            return await ReadAllAsync(provider.GetRequiredService<IInvoiceEventStore>());
        }
    }

    private static ServiceProvider Provider(Action<IInvoicingBuilder> useStore)
    {
        var services = new ServiceCollection();
        useStore(services.AddInvoicing());
        return services.BuildServiceProvider();
    }

    private static async Task<List<InvoiceEvent>> ReadAllAsync(IInvoiceEventStore events)
    {
        var all = new List<InvoiceEvent>();
        while (true)
        {
            var batch = await events.ReadEventsAsync(all.Count == 0 ? 0 : all[^1].Position, 1000);
            if (batch.Count == 0)
            {
                return all;
            }

            all.AddRange(batch);
        }
    }

    private static ProcessStartInfo Start(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CrashHost);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Starts the child, lets it work for <paramref name="workFor"/> after its first committed change, kills it, returns what it printed.</summary>
    private static async Task<List<string>> RunAndKillAsync(string[] arguments, TimeSpan workFor)
    {
        using var child = Process.Start(Start(arguments))!;
        var lines = new List<string>();
        var working = new TaskCompletionSource();
        var reading = Task.Run(async () =>
        {
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }

                if (line.StartsWith("committed ", StringComparison.Ordinal))
                {
                    working.TrySetResult();
                }
            }
        });
        var errors = child.StandardError.ReadToEndAsync();
        await Task.WhenAny(working.Task, child.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (!working.Task.IsCompleted)
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }

            Assert.Fail("The crash host committed nothing: " + await errors);
        }

        await Task.Delay(workFor);

        // Process.Kill sends SIGKILL on Unix: no finally block, no flush, no dispose runs in the child.
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
        await reading;
        lock (lines)
        {
            return [.. lines];
        }
    }

    private static async Task<string> RunToEndAsync(string[] arguments)
    {
        using var child = Process.Start(Start(arguments))!;
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = child.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await child.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            Assert.Fail("The drain run did not finish: " + await errors);
        }

        Assert.True(child.ExitCode == 0, "The drain run failed: " + await errors);
        return await output;
    }
}
