using System.Diagnostics;
using Invoicing.Core;
using Invoicing.Dunning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Invoicing.Mail.Smtp.Tests.Hosting;

/// <summary>
/// A real generic host with the in-memory store, dunning and the pickup-folder sender, driven by a fake
/// <see cref="TimeProvider"/> (which is also the invoicing clock), so each background run is triggered by moving time.
/// </summary>
internal sealed class DunningHostFixture : IAsyncDisposable
{
    public const string RunLogPrefix = "Dunning run:";

    private DunningHostFixture(IHost host, FakeTimeProvider time, CollectingLoggerProvider logs, DirectoryInfo folder)
    {
        Host = host;
        Time = time;
        Logs = logs;
        Folder = folder;
    }

    public static DateTimeOffset Start { get; } = new(2026, 12, 15, 9, 0, 0, TimeSpan.Zero);

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public CollectingLoggerProvider Logs { get; }

    public DirectoryInfo Folder { get; }

    public int Runs => Logs.Entries.Count(e => e.Message.StartsWith(RunLogPrefix, StringComparison.Ordinal));

    public int Failures => Logs.Entries.Count(e => e.Level == LogLevel.Error);

    public string[] Mails => Directory.Exists(Folder.FullName) ? Directory.GetFiles(Folder.FullName, "*.eml") : [];

    public static DunningHostFixture Create(Action<DunningOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var time = new FakeTimeProvider(Start);
        var logs = new CollectingLoggerProvider();
        var folder = Directory.CreateTempSubdirectory("dunning-host-");
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton<TimeProvider>(time);
        services?.Invoke(builder.Services);
        builder.Services.AddInvoicing()
            .UseInMemoryStore()
            .AddDunning(o =>
            {
                o.MessageIdDomain = "reminders.example.com";
                o.From = "relances@atelier.example";
                configure?.Invoke(o);
            })
            .UsePickupFolderMail(folder.FullName, "relances@atelier.example");
        return new DunningHostFixture(builder.Build(), time, logs, folder);
    }

    /// <summary>Issues <paramref name="count"/> invoices due on <paramref name="dueDate"/> into the host's store.</summary>
    public async Task IssueAsync(int count, LocalDate dueDate)
    {
        var store = Host.Services.GetRequiredService<IInvoiceStore>();
        for (var i = 0; i < count; i++)
        {
            var document = Fixtures.Invoice("unused", dueDate, 100m + i) with { Number = null };
            await store.IssueAsync(new IssueRequest { Document = document, Series = NumberSeries.DefaultInvoices, IssuedAt = Instant.FromDateTimeOffset(Start).Minus(Duration.FromDays(30)) });
        }
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds. With <paramref name="step"/>, moves time by it, then again each
    /// half second the condition still fails (the service may not have started its wait when time first moved).
    /// </summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? step = null)
    {
        var guard = Stopwatch.StartNew();
        var lastStep = TimeSpan.FromSeconds(-1);
        while (!condition())
        {
            if (guard.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"The condition did not hold within 60 s: {Runs} runs, {Failures} failures, {Mails.Length} mails.");
            }

            if (step is { } by && guard.Elapsed - lastStep > TimeSpan.FromMilliseconds(500))
            {
                lastStep = guard.Elapsed;
                Time.Advance(by);
            }

            await Task.Delay(10);
        }
    }

    public BackgroundService Service => Host.Services.GetServices<IHostedService>().OfType<BackgroundService>().Single();

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Task.Yield();
        Folder.Delete(recursive: true);
    }
}
