using System.Diagnostics;
using System.Reflection;
using Invoicing.Core;
using Xunit.Abstractions;

namespace Invoicing.Storage.Tests.Crash;

/// <summary>
/// Runs the crash host (a child process issuing invoices, payments and credit notes in a loop) and kills it with SIGKILL
/// at a random moment, round after round. After every kill the store must hold a numbering without gap, every number
/// the child reported as committed, only complete documents, and an archive that verifies.
/// </summary>
internal static class CrashRounds
{
    private static readonly string CrashHost = typeof(CrashRounds).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CrashHost").Value!;

    /// <param name="hostArguments">The crash host's arguments: where it stores.</param>
    /// <param name="openStore">Opens the same store in the test process.</param>
    /// <param name="rounds">How many times the child is killed.</param>
    /// <param name="output">Where each round is reported.</param>
    public static async Task RunAsync(string[] hostArguments, Func<IInvoiceStore> openStore, int rounds, ITestOutputHelper output)
    {
        Assert.True(File.Exists(CrashHost), $"The crash host is not built at {CrashHost}.");
        var random = new Random(20261128);
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 1; round <= rounds; round++)
        {
            // Most rounds are killed while issuing; every fourth is killed soon after start (opening, migrating, first issue).
            var whileIssuing = round % 4 != 1;
            var lines = await RunAndKillAsync(hostArguments, whileIssuing ? "issued " : "ready", TimeSpan.FromMilliseconds(random.Next(0, whileIssuing ? 300 : 150)));
            acknowledged.UnionWith(lines.Where(l => l.StartsWith("issued ", StringComparison.Ordinal)).Select(l => l["issued ".Length..]));

            var store = openStore();
            try
            {
                var accounts = new List<InvoiceAccount>();
                await foreach (var account in store.QueryAsync(InvoiceQuery.All))
                {
                    accounts.Add(account);
                }

                AssertNoGap(accounts, "F2026-", "invoices");
                AssertNoGap(accounts, "AV2026-", "credit-notes");
                var stored = accounts.Select(a => a.Number).ToHashSet(StringComparer.Ordinal);
                Assert.DoesNotContain(acknowledged, number => !stored.Contains(number));
                Assert.All(accounts, a => Assert.Equal(InvoiceCalculator.Calculate(a.Invoice.Document), a.Invoice.Totals));
                var verification = await store.VerifyArchiveAsync();
                Assert.True(verification.IsIntact, $"round {round}: {verification.FirstBrokenNumber} {verification.Reason}");
                output.WriteLine($"round {round}: {accounts.Count} documents, archive intact");
            }
            finally
            {
                await ((IAsyncDisposable)store).DisposeAsync();
            }
        }

        Assert.True(acknowledged.Count > rounds, $"The child committed only {acknowledged.Count} documents in {rounds} rounds.");
    }

    private static void AssertNoGap(List<InvoiceAccount> accounts, string prefix, string series)
    {
        var sequences = accounts.Where(a => a.Number.StartsWith(prefix, StringComparison.Ordinal)).Select(a => a.Invoice.Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.All(accounts.Where(a => a.Number.StartsWith(prefix, StringComparison.Ordinal)), a => Assert.Equal(series, a.Invoice.SeriesId));
    }

    /// <summary>Starts the child, lets it work for <paramref name="workFor"/> after it printed a line starting with <paramref name="signal"/>, kills it, returns what it printed.</summary>
    private static async Task<List<string>> RunAndKillAsync(string[] hostArguments, string signal, TimeSpan workFor)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CrashHost);
        foreach (var argument in hostArguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var lines = new List<string>();
        var ready = new TaskCompletionSource();
        var reading = Task.Run(async () =>
        {
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }

                if (line.StartsWith(signal, StringComparison.Ordinal))
                {
                    ready.TrySetResult();
                }
            }
        });
        var errors = child.StandardError.ReadToEndAsync();
        await Task.WhenAny(ready.Task, child.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(ready.Task.IsCompleted, $"The crash host did not print '{signal}': " + await ErrorsOrEmpty(child, errors));
        await Task.Delay(workFor);

        // Process.Kill sends SIGKILL on Unix: no finally block, no flush, no dispose runs in the child.
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
        await reading;
        Assert.NotEqual(0, child.ExitCode);
        lock (lines)
        {
            return [.. lines];
        }
    }

    private static async Task<string> ErrorsOrEmpty(Process child, Task<string> errors)
    {
        if (!child.HasExited)
        {
            child.Kill(entireProcessTree: true);
        }

        return await errors;
    }
}
