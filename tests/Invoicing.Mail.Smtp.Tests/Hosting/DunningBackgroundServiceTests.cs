using System.Runtime.CompilerServices;
using Invoicing.Core;
using Invoicing.Dunning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Invoicing.Mail.Smtp.Tests.Hosting;

public sealed class DunningBackgroundServiceTests
{
    private static readonly LocalDate DueDate = new(2026, 12, 11);

    [Fact]
    public async Task Host_RunsOnSchedule_WritesEachDueReminderExactlyOnce()
    {
        await using var fixture = DunningHostFixture.Create();
        await fixture.IssueAsync(20, DueDate);

        await fixture.Host.StartAsync();
        await fixture.WaitUntilAsync(() => fixture.Runs >= 1);
        Assert.Equal(20, fixture.Mails.Length);

        // Later runs the same day find every step of the day already journalled.
        await fixture.WaitUntilAsync(() => fixture.Runs >= 3, step: TimeSpan.FromHours(1));
        Assert.Equal(20, fixture.Mails.Length);

        // Two days later the +6 step is due: one more mail per invoice, nothing repeated.
        var runs = fixture.Runs;
        fixture.Time.SetUtcNow(DunningHostFixture.Start.AddDays(2));
        await fixture.WaitUntilAsync(() => fixture.Runs > runs, step: TimeSpan.FromMinutes(1));
        await fixture.WaitUntilAsync(() => fixture.Runs > runs + 1, step: TimeSpan.FromHours(1));
        Assert.Equal(40, fixture.Mails.Length);
        Assert.Equal(0, fixture.Failures);

        await fixture.Host.StopAsync();
        Assert.True(fixture.Service.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Host_RunThrows_FailureIsLoggedAndTheNextRunSends()
    {
        var source = new FailingOnceSource();
        await using var fixture = DunningHostFixture.Create(services: s => s.AddSingleton<IOpenInvoiceSource>(p => source.Over(p.GetRequiredService<IInvoiceStore>())));
        await fixture.IssueAsync(5, DueDate);

        await fixture.Host.StartAsync();
        await fixture.WaitUntilAsync(() => fixture.Failures >= 1);
        Assert.Empty(fixture.Mails);
        var failure = Assert.Single(fixture.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.Contains("resume at the next run", failure.Message, StringComparison.Ordinal);

        await fixture.WaitUntilAsync(() => fixture.Runs >= 1, step: TimeSpan.FromHours(1));
        Assert.Equal(5, fixture.Mails.Length);
        Assert.False(fixture.Service.ExecuteTask!.IsCompleted);

        await fixture.Host.StopAsync();
        Assert.True(fixture.Service.ExecuteTask.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Host_StoppedDuringARun_CancelsTheRunAndStops()
    {
        var source = new BlockingSource();
        await using var fixture = DunningHostFixture.Create(services: s => s.AddSingleton<IOpenInvoiceSource>(source));

        await fixture.Host.StartAsync();
        await source.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await fixture.Host.StopAsync(deadline.Token);

        Assert.True(fixture.Service.ExecuteTask!.IsCompletedSuccessfully);
        Assert.True(source.Cancelled);
        Assert.Equal(0, fixture.Failures);
    }

    [Fact]
    public async Task Host_StoppedBetweenRuns_StopsWithoutAnotherRun()
    {
        await using var fixture = DunningHostFixture.Create();
        await fixture.IssueAsync(3, DueDate);

        await fixture.Host.StartAsync();
        await fixture.WaitUntilAsync(() => fixture.Runs >= 1);
        await fixture.Host.StopAsync();

        Assert.True(fixture.Service.ExecuteTask!.IsCompletedSuccessfully);
        fixture.Time.Advance(TimeSpan.FromDays(3));
        await Task.Delay(100);
        Assert.Equal(1, fixture.Runs);
        Assert.Equal(3, fixture.Mails.Length);
    }

    [Fact]
    public async Task Host_RunInBackgroundFalse_NeverRuns()
    {
        await using var fixture = DunningHostFixture.Create(o => o.RunInBackground = false);
        await fixture.IssueAsync(3, DueDate);

        await fixture.Host.StartAsync();
        await fixture.Service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));
        fixture.Time.Advance(TimeSpan.FromDays(1));
        await fixture.Host.StopAsync();

        Assert.Equal(0, fixture.Runs);
        Assert.Empty(fixture.Mails);
    }

    /// <summary>The store's open invoices, except that the first listing throws.</summary>
    private sealed class FailingOnceSource
    {
        private int _calls;

        public IOpenInvoiceSource Over(IInvoiceStore store) => new Source(this, OpenInvoiceSources.FromStore(store));

        private sealed class Source(FailingOnceSource owner, IOpenInvoiceSource inner) : IOpenInvoiceSource
        {
            public IAsyncEnumerable<InvoiceAccount> ListOpenAsync(CancellationToken cancellationToken = default) =>
                Interlocked.Increment(ref owner._calls) == 1
                    ? throw new InvalidOperationException("The store is unreachable (simulated).")
                    : inner.ListOpenAsync(cancellationToken);

            public Task<InvoiceAccount?> GetAsync(string invoiceNumber, CancellationToken cancellationToken = default) => inner.GetAsync(invoiceNumber, cancellationToken);
        }
    }

    /// <summary>A source whose listing waits until the run is cancelled.</summary>
    private sealed class BlockingSource : IOpenInvoiceSource
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Cancelled { get; private set; }

        public async IAsyncEnumerable<InvoiceAccount> ListOpenAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }

            yield break;
        }

        public Task<InvoiceAccount?> GetAsync(string invoiceNumber, CancellationToken cancellationToken = default) => Task.FromResult<InvoiceAccount?>(null);
    }
}
