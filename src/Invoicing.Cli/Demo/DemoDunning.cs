using System.Globalization;
using Invoicing.Core;
using Invoicing.Dunning;
using Invoicing.Mail.Smtp;
using Invoicing.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Invoicing.Cli.Demo;

/// <summary>
/// Sixty days of dunning over the demo's store: each morning the runner sends what the default policy says is
/// due, as .eml files in a pickup folder. The journal in the same database keeps every (invoice, step) to one mail.
/// </summary>
internal static class DemoDunning
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    public static async Task SimulateAsync(IInvoiceStore store, LocalDate firstDay, int days, string mailDirectory, TextWriter output, CancellationToken cancellationToken)
    {
        var journal = store as IReminderJournal ?? SqliteInvoiceStores.OpenReminderJournal(store);
        var sender = MailServiceCollectionExtensions.CreatePickupFolderSender(mailDirectory, "relances@atelier-lumiere.example");
        var total = 0;
        for (var day = firstDay; day < firstDay.PlusDays(days); day = day.PlusDays(1))
        {
            var before = Directory.GetFiles(mailDirectory, "*.eml").ToHashSet(StringComparer.Ordinal);
            var services = new ServiceCollection();
            services.AddSingleton<IClock>(new MorningClock(day.At(new LocalTime(9, 0)).InZoneLeniently(Paris).ToInstant()));
            services.AddSingleton(store);
            services.AddSingleton(journal);
            services.AddSingleton(sender);
            services.AddInvoicing().AddDunning(o => o.RunInBackground = false);
            var provider = services.BuildServiceProvider();
            await using (provider.ConfigureAwait(false))
            {
                var result = await provider.GetRequiredService<IDunningRunner>().RunOnceAsync(cancellationToken).ConfigureAwait(false);
                if (result.Sent == 0)
                {
                    continue;
                }

                total += result.Sent;
                var subjects = Directory.GetFiles(mailDirectory, "*.eml").Where(f => !before.Contains(f)).Select(Subject).Order(StringComparer.Ordinal);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {day:yyyy-MM-dd}  sent {result.Sent}: {string.Join(" | ", subjects)}")).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync($"  {total} reminders in {days} days, each (invoice, step) once; mails in {mailDirectory}").ConfigureAwait(false);
    }

    private static string Subject(string emlPath) => MimeKit.MimeMessage.Load(emlPath).Subject ?? Path.GetFileName(emlPath);

    private sealed class MorningClock(Instant instant) : IClock
    {
        public Instant GetCurrentInstant() => instant;
    }
}
