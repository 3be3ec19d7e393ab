using System.CommandLine;
using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Cli.Commands;

/// <summary>
/// Where <c>invoicing report</c> reads its accounts: a SQLite store (<c>--store invoices.db</c>, streamed) or the
/// sample ledger (<c>--demo</c>); and the day it reports on (<c>--as-of</c>, today by default).
/// </summary>
internal sealed class ReportInput
{
    private ReportInput(LocalDate asOf, string? storePath)
    {
        AsOf = asOf;
        StorePath = storePath;
    }

    public LocalDate AsOf { get; }

    public string? StorePath { get; }

    /// <summary>How many accounts the last query read.</summary>
    public long Read { get; private set; }

    public static Option<string?> StoreOption() => new("--store") { Description = "The SQLite store to report on (a file made by the SDK)." };

    public static Option<bool> DemoOption() => new("--demo") { Description = "Report on the built-in sample ledger instead of a store." };

    public static Option<string?> AsOfOption() => new("--as-of") { Description = "The day to report on, yyyy-MM-dd (default: today, UTC)." };

    /// <summary>Reads the options; null (after writing one error line) when they do not make sense.</summary>
    public static async Task<ReportInput?> ResolveAsync(ParseResult parse, Option<string?> store, Option<bool> demo, Option<string?> asOf, CliContext context)
    {
        var path = parse.GetValue(store);
        var useDemo = parse.GetValue(demo);
        string? problem = null;
        if (path is null == !useDemo)
        {
            problem = "give the input: --store FILE (a SQLite store) or --demo (the sample ledger), one of them.";
        }
        else if (path is not null && !File.Exists(path))
        {
            problem = $"--store: no store at '{path}'.";
        }

        var day = context.Clock.GetCurrentInstant().InUtc().Date;
        if (problem is null && parse.GetValue(asOf) is { } text)
        {
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (parsed.Success)
            {
                day = parsed.Value;
            }
            else
            {
                problem = $"--as-of: '{text}' is not a date (yyyy-MM-dd).";
            }
        }

        if (problem is not null)
        {
            await context.Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
            return null;
        }

        return new ReportInput(day, path);
    }

    /// <summary>Runs <paramref name="report"/> over the accounts of <paramref name="query"/>, streamed from the store or the sample ledger.</summary>
    public async Task<T> RunAsync<T>(InvoiceQuery query, Func<IAsyncEnumerable<InvoiceAccount>, Task<T>> report, CancellationToken cancellationToken)
    {
        Read = 0;
        if (StorePath is null)
        {
            return await report(Counted(Demo(query))).ConfigureAwait(false);
        }

        var store = SqliteInvoiceStores.Open($"Data Source={StorePath};Mode=ReadWrite");
        try
        {
            return await report(Counted(store.QueryAsync(query, cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async IAsyncEnumerable<InvoiceAccount> Demo(InvoiceQuery query)
    {
        foreach (var account in ReportDemoLedger.Create(AsOf))
        {
            if (!query.OpenOnly || account.IsOpen)
            {
                yield return account;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private async IAsyncEnumerable<InvoiceAccount> Counted(IAsyncEnumerable<InvoiceAccount> accounts)
    {
        await foreach (var account in accounts.ConfigureAwait(false))
        {
            Read++;
            yield return account;
        }
    }
}
