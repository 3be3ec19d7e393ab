using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Invoicing.Core;
using Invoicing.Dunning;
using Invoicing.Mail.Smtp;
using Invoicing.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Cli.Commands;

/// <summary>
/// <c>invoicing dunning schedule|plan|run</c>: the default policy's calendar, the reminders due on a day over a SQLite
/// store, and a run that writes them as <c>.eml</c> files into a pickup folder, journaled in the same database.
/// </summary>
internal static class DunningCommand
{
    public static Command Create(CliContext context) => new("dunning", "Reminders: the policy calendar, what is due, and sending it.")
    {
        Schedule(context),
        Plan(context),
        Run(context),
    };

    private static Command Schedule(CliContext context)
    {
        var due = new Option<string>("--due") { Description = "The invoice's due date (yyyy-MM-dd).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {date, offset, level}." };
        var formal = new Option<int>("--formal-notice-day") { Description = "Offset of the formal notice (default 34).", DefaultValueFactory = _ => 34 };
        var max = new Option<int>("--max-day") { Description = "Last repeat's offset at most (default 62).", DefaultValueFactory = _ => 62 };
        var command = new Command("schedule", "Print the default policy's calendar for an invoice due on a day.") { due, json, formal, max };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dueDate = ParseDate(parse.GetValue(due), "--due");
            var policy = DunningPolicy.Default(parse.GetValue(formal), parse.GetValue(max));
            var steps = policy.Schedule(dueDate).ToArray();
            var text = parse.GetValue(json) ? ScheduleJson(steps) : ScheduleTable(steps);
            await context.Out.WriteLineAsync(text).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Plan(CliContext context)
    {
        var asOf = new Option<string>("--as-of") { Description = "The day to plan for (yyyy-MM-dd); today in Europe/Paris by default." };
        var database = new Option<string>("--db") { Description = "The SQLite database of the invoice store (as made by 'invoicing demo').", Required = true };
        var json = new Option<bool>("--json") { Description = "Print a JSON array." };
        var command = new Command("plan", "List the reminders due on a day over the open invoices of a store.") { asOf, database, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var today = parse.GetValue(asOf) is { } value ? ParseDate(value, "--as-of") : context.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Paris"]).Date;
            var store = OpenStore(parse.GetValue(database)!);
            await using var closeStore = ((IAsyncDisposable)store).ConfigureAwait(false);
            var journal = JournalOf(store);
            var settings = SqliteInvoiceStores.OpenDunningSettingsStore(store);
            var planner = new DunningPlanner(new DunningPlannerOptions { Calendar = SendingCalendar.FrenchBusinessDays });
            var rows = new List<PlannedReminder>();
            await foreach (var account in store.QueryAsync(InvoiceQuery.Open, cancellationToken).ConfigureAwait(false))
            {
                var entries = await journal.ListByInvoiceAsync(account.Number, cancellationToken).ConfigureAwait(false);
                var customer = await settings.GetCustomerAsync(account.Invoice.Document.CustomerKey, cancellationToken).ConfigureAwait(false);
                var flags = await settings.GetInvoiceAsync(account.Number, cancellationToken).ConfigureAwait(false);
                if (planner.Decide(new DunningCase(account, entries, customer, flags), today).Reminder is { } reminder)
                {
                    rows.Add(reminder);
                }
            }

            await context.Out.WriteLineAsync(parse.GetValue(json) ? PlanJson(rows) : PlanTable(rows, today)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Run(CliContext context)
    {
        var asOf = new Option<string>("--as-of") { Description = "Run as if it were 09:00 (Europe/Paris) on this day (yyyy-MM-dd); now by default." };
        var database = new Option<string>("--db") { Description = "The SQLite database of the invoice store.", Required = true };
        var pickup = new Option<string>("--pickup") { Description = "The folder the reminders are written to as .eml files.", Required = true };
        var from = new Option<string>("--from") { Description = "The From address.", DefaultValueFactory = _ => "relances@example.com" };
        var command = new Command("run", "Send the reminders due now as .eml files into a pickup folder, each (invoice, step) once.") { asOf, database, pickup, from };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IClock clock = parse.GetValue(asOf) is { } value
                ? new FixedClock(ParseDate(value, "--as-of").At(new LocalTime(9, 0)).InZoneLeniently(DateTimeZoneProviders.Tzdb["Europe/Paris"]).ToInstant())
                : context.Clock;
            IMailSender sender;
            try
            {
                sender = MailServiceCollectionExtensions.CreatePickupFolderSender(parse.GetValue(pickup)!, parse.GetValue(from)!);
            }
            catch (ArgumentException exception)
            {
                await context.Error.WriteLineAsync($"error: {exception.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var store = OpenStore(parse.GetValue(database)!);
            await using var closeStore = ((IAsyncDisposable)store).ConfigureAwait(false);
            var services = new ServiceCollection();
            services.AddSingleton(clock);
            services.AddSingleton(store);
            services.AddSingleton(JournalOf(store));
            services.AddSingleton(SqliteInvoiceStores.OpenDunningSettingsStore(store));
            services.AddSingleton(sender);
            services.AddInvoicing().AddDunning(o => o.RunInBackground = false);
            var provider = services.BuildServiceProvider();
            await using var disposeProvider = provider.ConfigureAwait(false);
            var result = await provider.GetRequiredService<IDunningRunner>().RunOnceAsync(cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"sent {result.Sent}, resumed {result.Resumed}, to retry {result.TransientFailures}, failed {result.PermanentFailures} (planned {result.Planned})")).ConfigureAwait(false);
            return result.PermanentFailures + result.TransientFailures > 0 ? ExitCodes.Invalid : ExitCodes.Ok;
        });
        return command;
    }

    internal static IInvoiceStore OpenStore(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvoiceFormatException($"No database file '{path}'.", "--db");
        }

        return SqliteInvoiceStores.Open($"Data Source={path}");
    }

    /// <summary>The reminder journal kept in the same SQLite database as the invoices, so runs on different days never repeat a step.</summary>
    private static IReminderJournal JournalOf(IInvoiceStore store) =>
        store as IReminderJournal ?? SqliteInvoiceStores.OpenReminderJournal(store);

    internal static LocalDate ParseDate(string? value, string option)
    {
        var result = LocalDatePattern.Iso.Parse(value ?? string.Empty);
        return result.Success
            ? result.Value
            : throw new InvoiceFormatException($"'{value}' is not a date (yyyy-MM-dd).", option);
    }

    internal static string LevelName(ReminderLevel level) => level switch
    {
        ReminderLevel.Friendly => "friendly",
        ReminderLevel.Firm => "firm",
        _ => "formal-notice",
    };

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string ScheduleJson(IEnumerable<ScheduledStep> steps)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var step in steps)
            {
                writer.WriteStartObject();
                writer.WriteString("date", Iso(step.Date));
                writer.WriteNumber("offset", step.Step.OffsetDays);
                writer.WriteString("level", LevelName(step.Step.Level));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string ScheduleTable(IEnumerable<ScheduledStep> steps)
    {
        var lines = new List<string> { "date        offset  level" };
        lines.AddRange(steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{Iso(s.Date)}  {s.Step.OffsetDays,6}  {LevelName(s.Step.Level)}")));
        return string.Join(Environment.NewLine, lines);
    }

    private static string PlanTable(IReadOnlyList<PlannedReminder> rows, LocalDate today)
    {
        var lines = new List<string> { string.Create(CultureInfo.InvariantCulture, $"reminders due on {Iso(today)}: {rows.Count}") };
        lines.AddRange(rows.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Key.InvoiceNumber,-16} {r.Step.Id,-6} {LevelName(r.Step.Level),-13} due {Iso(r.Account.DueDate)}  {r.AmountDue,12:0.00} {r.Account.Invoice.Document.Currency.Code}  {r.Account.Invoice.Document.Buyer.Name}")));
        return string.Join(Environment.NewLine, lines);
    }

    private static string PlanJson(IEnumerable<PlannedReminder> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartObject();
                writer.WriteString("invoice", row.Key.InvoiceNumber);
                writer.WriteString("step", row.Step.Id);
                writer.WriteNumber("offset", row.Step.OffsetDays);
                writer.WriteString("level", LevelName(row.Step.Level));
                writer.WriteString("dueDate", Iso(row.Account.DueDate));
                writer.WriteString("plannedFor", Iso(row.PlannedFor));
                writer.WriteNumber("amountDue", row.AmountDue);
                writer.WriteString("currency", row.Account.Invoice.Document.Currency.Code);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal sealed class FixedClock(Instant instant) : IClock
    {
        public Instant GetCurrentInstant() => instant;
    }
}
