using System.CommandLine;
using System.Globalization;
using Invoicing.Core;
using Invoicing.Reporting;

namespace Invoicing.Cli.Commands;

/// <summary>
/// <c>invoicing report aging|dso|forecast (--store FILE | --demo) [--as-of DAY] [--csv] [--svg out.svg]</c>:
/// where the cash is, from a SQLite store or the sample ledger.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context) =>
        new("report", "Receivables: aging, DSO and collection, cash-in forecast.")
        {
            Aging(context),
            Dso(context),
            Forecast(context),
        };

    private static Command Aging(CliContext context)
    {
        var (store, demo, asOf, csv) = Common();
        var svg = SvgOption();
        var currency = CurrencyOption();
        var buckets = new Option<string?>("--buckets") { Description = "Last day past due of each column, comma separated (default 30,60,90)." };
        var top = new Option<int>("--top") { Description = "How many top debtors to list per currency (default 5).", DefaultValueFactory = _ => 5 };
        var command = new Command("aging", "Open balances by days past due, per customer and in total, per currency.") { store, demo, asOf, csv, svg, currency, buckets, top };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = await ReportInput.ResolveAsync(parse, store, demo, asOf, context).ConfigureAwait(false);
            var columns = await ParseBucketsAsync(parse.GetValue(buckets), context).ConfigureAwait(false);
            if (input is null || columns is null || !await CheckTopAsync(parse.GetValue(top), context).ConfigureAwait(false))
            {
                return ExitCodes.BadInput;
            }

            // Everything issued by the as-of day, not only what is open today: a payment after the as-of day does not count.
            var issued = InvoiceQuery.All with { IssuedOnOrBefore = input.AsOf };
            var report = await input.RunAsync(issued, a => Receivables.AgingAsync(a, input.AsOf, columns, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (input.Read == 0)
            {
                return await NothingAsync(context, "no invoice issued", input).ConfigureAwait(false);
            }

            if (parse.GetValue(csv))
            {
                ReportCsv.WriteAging(report, context.Out);
            }
            else
            {
                await context.Out.WriteAsync(ReportTables.Aging(report, parse.GetValue(top))).ConfigureAwait(false);
            }

            return await WriteSvgAsync(parse.GetValue(svg), parse.GetValue(currency), report.Currencies.Select(c => c.Currency.Code).ToList(), code => ReportCharts.AgingSvg(report, code), context, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Dso(CliContext context)
    {
        var (store, demo, asOf, csv) = Common();
        var period = new Option<int>("--period-days") { Description = "The period of the standard DSO and the CEI, in days (default 90).", DefaultValueFactory = _ => Receivables.DefaultDsoPeriodDays };
        var command = new Command("dso", "Days sales outstanding (standard and countback), collection effectiveness, days late per customer.") { store, demo, asOf, csv, period };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = await ReportInput.ResolveAsync(parse, store, demo, asOf, context).ConfigureAwait(false);
            if (input is null)
            {
                return ExitCodes.BadInput;
            }

            var all = InvoiceQuery.All with { IssuedOnOrBefore = input.AsOf };
            var dso = await input.RunAsync(all, a => Receivables.DsoAsync(a, input.AsOf, parse.GetValue(period), cancellationToken), cancellationToken).ConfigureAwait(false);
            if (input.Read == 0)
            {
                return await NothingAsync(context, "no invoice issued", input).ConfigureAwait(false);
            }

            var behaviour = await input.RunAsync(all, a => Receivables.PaymentBehaviourAsync(a, input.AsOf, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(csv))
            {
                ReportCsv.WriteDso(dso, context.Out);
            }
            else
            {
                await context.Out.WriteAsync(ReportTables.Dso(dso, behaviour)).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Forecast(CliContext context)
    {
        var (store, demo, asOf, csv) = Common();
        var svg = SvgOption();
        var currency = CurrencyOption();
        var weeks = new Option<int>("--weeks") { Description = "How many weeks ahead (default 12).", DefaultValueFactory = _ => Receivables.DefaultForecastWeeks };
        var command = new Command("forecast", "Cash expected week by week: due dates shifted by each customer's average delay, with a band.") { store, demo, asOf, csv, svg, currency, weeks };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = await ReportInput.ResolveAsync(parse, store, demo, asOf, context).ConfigureAwait(false);
            if (input is null)
            {
                return ExitCodes.BadInput;
            }

            var history = InvoiceQuery.All with { IssuedOnOrBefore = input.AsOf };
            var behaviour = await input.RunAsync(history, a => Receivables.PaymentBehaviourAsync(a, input.AsOf, cancellationToken), cancellationToken).ConfigureAwait(false);
            var forecast = await input.RunAsync(history, a => Receivables.ForecastAsync(a, input.AsOf, parse.GetValue(weeks), behaviour, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (input.Read == 0)
            {
                return await NothingAsync(context, "no invoice issued", input).ConfigureAwait(false);
            }

            if (parse.GetValue(csv))
            {
                ReportCsv.WriteForecast(forecast, context.Out);
            }
            else
            {
                await context.Out.WriteAsync(ReportTables.Forecast(forecast, behaviour)).ConfigureAwait(false);
            }

            return await WriteSvgAsync(parse.GetValue(svg), parse.GetValue(currency), forecast.Currencies.Select(c => c.Currency.Code).ToList(), code => ReportCharts.ForecastSvg(forecast, code), context, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static (Option<string?> Store, Option<bool> Demo, Option<string?> AsOf, Option<bool> Csv) Common() =>
        (ReportInput.StoreOption(), ReportInput.DemoOption(), ReportInput.AsOfOption(), new Option<bool>("--csv") { Description = "Print CSV instead of a table." });

    private static Option<string?> SvgOption() => new("--svg") { Description = "Also write the chart to this SVG file." };

    private static Option<string?> CurrencyOption() => new("--currency") { Description = "The currency to chart (default: the first in code order)." };

    private static async Task<AgingBuckets?> ParseBucketsAsync(string? text, CliContext context)
    {
        if (text is null)
        {
            return AgingBuckets.Default;
        }

        var bounds = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var bound))
            {
                await context.Error.WriteLineAsync($"error: --buckets: '{part}' is not a whole number of days.").ConfigureAwait(false);
                return null;
            }

            bounds.Add(bound);
        }

        return AgingBuckets.FromBoundaries(bounds);
    }

    private static async Task<bool> CheckTopAsync(int top, CliContext context)
    {
        if (top is >= 1 and <= 1_000)
        {
            return true;
        }

        await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"error: --top: between 1 and 1000, not {top}.")).ConfigureAwait(false);
        return false;
    }

    private static async Task<int> NothingAsync(CliContext context, string what, ReportInput input)
    {
        await context.Error.WriteLineAsync($"error: {what} on or before {input.AsOf:yyyy-MM-dd} in {(input.StorePath is null ? "the sample ledger" : $"the store '{input.StorePath}'")}.").ConfigureAwait(false);
        return ExitCodes.BadInput;
    }

    private static async Task<int> WriteSvgAsync(string? path, string? currency, IReadOnlyList<string> currencies, Func<string, string> draw, CliContext context, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return ExitCodes.Ok;
        }

        var code = currency?.Trim().ToUpperInvariant() ?? currencies.FirstOrDefault();
        if (code is null || !currencies.Contains(code))
        {
            await context.Error.WriteLineAsync($"error: --currency: nothing open in '{code}'; the report has {string.Join(", ", currencies)}.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        await File.WriteAllTextAsync(path, draw(code), cancellationToken).ConfigureAwait(false);
        await context.Error.WriteLineAsync($"chart ({code}) written to {path}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
