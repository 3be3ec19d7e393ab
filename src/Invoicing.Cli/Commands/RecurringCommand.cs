using System.CommandLine;
using System.Globalization;
using System.Text;
using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Cli.Commands;

/// <summary>
/// <c>invoicing recurring add|list|run|pause|resume</c>: recurring schedules kept in a SQLite store, and a run that
/// issues the due occurrences, each (schedule, period) once however often or from however many machines it runs.
/// </summary>
internal static class RecurringCommand
{
    public static Command Create(CliContext context) => new("recurring", "Recurring invoices: schedules, and issuing what is due.")
    {
        Add(context),
        List(context),
        Run(context),
        Pause(context),
        Resume(context),
    };

    private static Option<string> Database() => new("--db") { Description = "The SQLite database of the invoice store.", Required = true };

    private static Option<string> Id() => new("--id") { Description = "The schedule id.", Required = true };

    private static Command Add(CliContext context)
    {
        var database = Database();
        var file = new Option<string>("--schedule") { Description = "A schedule in JSON (see docs/recurring.md); saved new, or replacing the schedule of that id.", Required = true };
        var command = new Command("add", "Save a schedule from a JSON file (the database is created when missing).") { database, file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new InvoiceFormatException($"No schedule file '{path}'.", "--schedule");
            }

            var schedule = RecurringScheduleJson.Deserialize(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
            var store = SqliteInvoiceStores.Open($"Data Source={parse.GetValue(database)}");
            await using var closeStore = ((IAsyncDisposable)store).ConfigureAwait(false);
            var schedules = SqliteInvoiceStores.OpenRecurringScheduleStore(store);
            await schedules.SaveAsync(schedule, cancellationToken).ConfigureAwait(false);
            var state = await schedules.GetAsync(schedule.Id, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"saved {schedule.Id}: {schedule.Recurrence}, next due {NextDue(state!)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var database = Database();
        var command = new Command("list", "List the schedules: rhythm, billed through, next due day in the customer's time zone.") { database };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = DunningCommand.OpenStore(parse.GetValue(database)!);
            await using var closeStore = ((IAsyncDisposable)store).ConfigureAwait(false);
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"{"id",-20} {"customer",-16} {"rhythm",-34} {"billed through",-14} {"next due",-10} state");
            await foreach (var state in SqliteInvoiceStores.OpenRecurringScheduleStore(store).ListAsync(cancellationToken).ConfigureAwait(false))
            {
                var schedule = state.Schedule;
                var billed = state.BilledThrough is { } through ? LocalDatePattern.Iso.Format(through) : "-";
                text.AppendLine(CultureInfo.InvariantCulture, $"{schedule.Id,-20} {schedule.CustomerKey,-16} {schedule.Recurrence.ToString(),-34} {billed,-14} {NextDue(state),-10} {(state.IsPaused ? "paused" : "running")}");
            }

            await context.Out.WriteAsync(text.ToString()).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Run(CliContext context)
    {
        var database = Database();
        var asOf = new Option<string>("--as-of") { Description = "Run as if it were 09:00 (Europe/Paris) on this day (yyyy-MM-dd); now by default." };
        var command = new Command("run", "Issue every due occurrence (exit 0 done, 1 some schedule failed a rule, 2 bad input).") { database, asOf };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IClock clock = parse.GetValue(asOf) is { } value
                ? new DunningCommand.FixedClock(DunningCommand.ParseDate(value, "--as-of").At(new LocalTime(9, 0)).InZoneLeniently(DateTimeZoneProviders.Tzdb["Europe/Paris"]).ToInstant())
                : context.Clock;
            var store = DunningCommand.OpenStore(parse.GetValue(database)!);
            await using var closeStore = ((IAsyncDisposable)store).ConfigureAwait(false);
            var runner = new RecurringRunner(SqliteInvoiceStores.OpenRecurringScheduleStore(store), new InvoicingService(store, clock), clock);
            var result = await runner.RunOnceAsync(cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"issued {result.Issued} invoice(s) for {result.PeriodsClaimed} period(s); resumed {result.Resumed}, found issued {result.FoundIssued}, claimed elsewhere {result.ClaimedElsewhere}")).ConfigureAwait(false);
            foreach (var number in result.InvoiceNumbers)
            {
                await context.Out.WriteLineAsync(number).ConfigureAwait(false);
            }

            foreach (var failure in result.Failures)
            {
                await context.Error.WriteLineAsync($"error: {failure}").ConfigureAwait(false);
            }

            return result.Failures.Count > 0 ? ExitCodes.Invalid : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Pause(CliContext context)
    {
        var database = Database();
        var id = Id();
        var command = new Command("pause", "Pause a schedule: nothing is issued for it until it is resumed.") { database, id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = DunningCommand.OpenStore(parse.GetValue(database)!);
            await using var closeStore = ((IAsyncDisposable)store).ConfigureAwait(false);
            var paused = await SqliteInvoiceStores.OpenRecurringScheduleStore(store).PauseAsync(parse.GetValue(id)!, context.Clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
            return await Report(context, paused, $"paused {parse.GetValue(id)}", parse.GetValue(id)!).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Resume(CliContext context)
    {
        var database = Database();
        var id = Id();
        var billFrom = new Option<string>("--bill-from") { Description = "Do not invoice the periods falling due before this day (yyyy-MM-dd); without it, the missed periods are caught up." };
        var command = new Command("resume", "Resume a paused schedule.") { database, id, billFrom };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var from = parse.GetValue(billFrom) is { } value ? DunningCommand.ParseDate(value, "--bill-from") : (LocalDate?)null;
            var store = DunningCommand.OpenStore(parse.GetValue(database)!);
            await using var closeStore = ((IAsyncDisposable)store).ConfigureAwait(false);
            var resumed = await SqliteInvoiceStores.OpenRecurringScheduleStore(store).ResumeAsync(parse.GetValue(id)!, from, cancellationToken).ConfigureAwait(false);
            return await Report(context, resumed, $"resumed {parse.GetValue(id)}", parse.GetValue(id)!).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> Report(CliContext context, bool done, string message, string id)
    {
        if (!done)
        {
            await context.Error.WriteLineAsync($"error: --id: there is no schedule '{id}'.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        await context.Out.WriteLineAsync(message).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>The next due day in the customer's zone, or "ended".</summary>
    private static string NextDue(RecurringScheduleState state) => state.NextDueAt is { } due
        ? LocalDatePattern.Iso.Format(due.InZone(DateTimeZoneProviders.Tzdb[state.Schedule.TimeZone]).Date)
        : "ended";
}
