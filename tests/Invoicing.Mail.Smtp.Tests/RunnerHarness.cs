using System.Collections.Concurrent;
using Invoicing.Core;
using Invoicing.Dunning;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Invoicing.Mail.Smtp.Tests;

/// <summary>Shared state of several runners: one journal, one settings store, one set of invoices, one clock.</summary>
internal sealed class RunnerHarness
{
    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 12, 15, 9, 0));

    public IReminderJournal Journal { get; init; } = InMemoryReminders.CreateJournal();

    public IDunningSettingsStore Settings { get; } = InMemoryReminders.CreateSettingsStore();

    public ConcurrentDictionary<string, InvoiceAccount> Accounts { get; } = new(StringComparer.Ordinal);

    public static LocalDate Today => new(2026, 12, 15);

    public RunnerHarness WithOverdueInvoices(int count, int daysLate = 4)
    {
        for (var i = 0; i < count; i++)
        {
            var number = $"F2026-{i:00000}";
            Accounts[number] = Fixtures.Account(number, Today.PlusDays(-daysLate), 100m + i, customerId: "C-" + (i % 50).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return this;
    }

    /// <summary>A runner over the shared state; <paramref name="journal"/> replaces the shared journal (a process of its own on the same database).</summary>
    public IDunningRunner Runner(IMailSender sender, string workerId, Action<DunningOptions>? configure = null, IReminderJournal? journal = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        return Build(collection, sender, workerId, configure, journal);
    }

    private IDunningRunner Build(ServiceCollection services, IMailSender sender, string workerId, Action<DunningOptions>? configure, IReminderJournal? journal)
    {
        services.AddSingleton<IClock>(Clock);
        services.AddSingleton(journal ?? Journal);
        services.AddSingleton(Settings);
        services.AddSingleton(OpenInvoiceSources.FromAccounts(Accounts));
        services.AddSingleton(sender);
        services.AddSingleton(InvoiceAttachmentProviders.FromDelegate((_, _) => Task.FromResult<byte[]?>(SamplePdf.Bytes)));
        services.AddInvoicing().AddDunning(o =>
        {
            o.WorkerId = workerId;
            o.Calendar = SendingCalendar.EveryDay;
            o.MessageIdDomain = "reminders.example.com";
            o.From = "relances@atelier.example";
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider().GetRequiredService<IDunningRunner>();
    }

    public static IMailSender Smtp(int port) => MailServiceCollectionExtensions.CreateSmtpSender(new SmtpMailOptions
    {
        Host = "127.0.0.1",
        Port = port,
        Security = SmtpSecurity.None,
        From = "relances@atelier.example",
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 0,
    });
}

/// <summary>
/// Wraps a real sender and simulates a process dying after the <c>crashAfter</c>-th mail: either right after the
/// transport accepted it (before the journal hears of it) or just before handing it over.
/// </summary>
internal sealed class CrashingSender(IMailSender inner, int crashAfter, bool afterSend) : IMailSender
{
    private int _count;

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var n = Interlocked.Increment(ref _count);
        if (n == crashAfter && !afterSend)
        {
            throw new SimulatedCrashException();
        }

        var result = await inner.SendAsync(mail, cancellationToken);
        if (n == crashAfter)
        {
            CrashedMessageId = mail.MessageId;
            throw new SimulatedCrashException();
        }

        return result;
    }

    public string? CrashedMessageId { get; private set; }
}

/// <summary>Cancels a run's token right after the <c>cancelAfter</c>-th mail was accepted.</summary>
internal sealed class CancellingSender(IMailSender inner, int cancelAfter, CancellationTokenSource cancellation) : IMailSender
{
    private int _count;

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var result = await inner.SendAsync(mail, cancellationToken);
        if (Interlocked.Increment(ref _count) == cancelAfter)
        {
            await cancellation.CancelAsync();
        }

        return result;
    }
}

internal sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("simulated crash between send and journal")
    {
    }
}
