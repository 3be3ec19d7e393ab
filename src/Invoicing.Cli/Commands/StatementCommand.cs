using System.CommandLine;
using System.Globalization;
using Invoicing.Core;
using Invoicing.Pdf;
using Invoicing.Reporting;
using Invoicing.Storage.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Cli.Commands;

/// <summary>
/// <c>invoicing statement --customer KEY --db FILE -o OUT [--date DAY] [--from DAY] [--format pdf|csv] [--lang fr|en]</c>:
/// a customer's statement of account from a SQLite store, as a PDF or a CSV file. The file is written whole or not
/// at all: it is rendered in memory, written next to its place and moved there.
/// </summary>
internal static class StatementCommand
{
    public static Command Create(CliContext context)
    {
        var customer = new Option<string>("--customer") { Description = "The customer key: the buyer's first identifier, else its legal id, VAT id or name.", Required = true };
        var database = new Option<string>("--db") { Description = "The SQLite database file of the invoice store.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The file to write (.pdf or .csv).", Required = true };
        var date = new Option<string?>("--date", "--as-of") { Description = "The statement date, yyyy-MM-dd (default: today, UTC)." };
        var from = new Option<string?>("--from") { Description = "Start of the period, yyyy-MM-dd: an opening balance, then every movement. Without it: the items open on the date." };
        var format = new Option<string?>("--format") { Description = "pdf or csv (default: from the output's extension, else pdf)." };
        format.AcceptOnlyFromAmong("pdf", "csv");
        var language = new Option<string>("--lang", "--language") { Description = "Language of the PDF: fr (default) or en.", DefaultValueFactory = _ => "fr" };
        language.AcceptOnlyFromAmong("fr", "en");
        var command = new Command("statement", "A customer's statement of account: open items, payments and credits with the running balance and the aging.")
        {
            customer, database, output, date, from, format, language,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(output)!;
            var db = parse.GetValue(database)!;
            var request = await RequestAsync(parse.GetValue(customer)!, parse.GetValue(date), parse.GetValue(from), context).ConfigureAwait(false);
            if (request is null || !await CheckPathsAsync(db, path, context).ConfigureAwait(false))
            {
                return ExitCodes.BadInput;
            }

            var statement = await BuildAsync(db, request, context, cancellationToken).ConfigureAwait(false);
            if (statement is null)
            {
                return ExitCodes.BadInput;
            }

            var csv = (parse.GetValue(format) ?? (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "pdf")) == "csv";
            var bytes = csv ? Csv(statement) : StatementPdf.ToBytes(statement, new PdfRenderOptions { Language = parse.GetValue(language) == "en" ? PdfLanguage.English : PdfLanguage.French });
            if (!await WriteWholeAsync(path, bytes, context, cancellationToken).ConfigureAwait(false))
            {
                return ExitCodes.BadInput;
            }

            var balances = string.Join(", ", statement.Sections.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Currency.Code} {s.ClosingBalance.ToString("F" + s.Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}")));
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{path}: statement of {statement.CustomerKey} on {LocalDatePattern.Iso.Format(statement.AsOf)}, {statement.Sections.Sum(s => s.Lines.Count)} lines, balance {balances}")).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<StatementRequest?> RequestAsync(string customer, string? dateText, string? fromText, CliContext context)
    {
        var asOf = context.Clock.GetCurrentInstant().InUtc().Date;
        string? problem = null;
        if (string.IsNullOrWhiteSpace(customer))
        {
            problem = "--customer: give the customer key.";
        }
        else if (dateText is not null && !TryParse(dateText, out asOf))
        {
            problem = $"--date: '{dateText}' is not a date (yyyy-MM-dd).";
        }

        LocalDate? start = null;
        if (problem is null && fromText is not null)
        {
            problem = TryParse(fromText, out var parsed) ? null : $"--from: '{fromText}' is not a date (yyyy-MM-dd).";
            start = parsed;
        }

        if (problem is not null)
        {
            await context.Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
            return null;
        }

        return new StatementRequest(customer, asOf) { From = start };
    }

    private static async Task<bool> CheckPathsAsync(string database, string output, CliContext context)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        var problem = !File.Exists(database) ? $"--db: no database file '{database}'."
            : folder is null || !Directory.Exists(folder) ? $"--output: no folder '{folder}' to write '{output}' in."
            : Directory.Exists(output) ? $"--output: '{output}' is a folder; give a file name."
            : null;
        if (problem is not null)
        {
            await context.Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
        }

        return problem is null;
    }

    /// <summary>The statement, or null after one error line when the store has nothing to state for the request.</summary>
    private static async Task<StatementOfAccount?> BuildAsync(string database, StatementRequest request, CliContext context, CancellationToken cancellationToken)
    {
        var store = SqliteInvoiceStores.Open($"Data Source={database};Mode=ReadWrite");
        await using var closeStore = ((IAsyncDisposable)store).ConfigureAwait(false);
        try
        {
            return await Statements.BuildAsync(store, request, cancellationToken).ConfigureAwait(false);
        }
        catch (InvoiceValidationException exception) when (exception.Issues.Count == 1 && exception.Issues[0].RuleId.StartsWith("REP-STATEMENT-", StringComparison.Ordinal))
        {
            // What the request asked for is not in the store: said in terms of the option that asked for it.
            var issue = exception.Issues[0];
            var line = issue.Path switch
            {
                "asOf" => $"--date: {issue.Message}",
                "from" => $"--from: {issue.Message}",
                _ when await IsEmptyAsync(store, cancellationToken).ConfigureAwait(false) => $"--db: the store '{database}' holds no issued document yet.",
                _ => $"--customer: no document for customer '{request.CustomerKey}' in '{database}' (the key is the buyer's first identifier, else its legal id, VAT id or name, compared exactly).",
            };
            await context.Error.WriteLineAsync($"error: {line}").ConfigureAwait(false);
            return null;
        }
    }

    private static async Task<bool> IsEmptyAsync(IInvoiceStore store, CancellationToken cancellationToken)
    {
        await foreach (var _ in store.QueryAsync(InvoiceQuery.All, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        return true;
    }

    private static byte[] Csv(StatementOfAccount statement)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        ReportCsv.WriteStatement(statement, text);
        return new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    /// <summary>Writes the bytes to a file beside <paramref name="path"/>, then moves it there; on failure nothing is left.</summary>
    private static async Task<bool> WriteWholeAsync(string path, byte[] bytes, CliContext context, CancellationToken cancellationToken)
    {
        var partial = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        try
        {
            await File.WriteAllBytesAsync(partial, bytes, cancellationToken).ConfigureAwait(false);
            File.Move(partial, path, overwrite: true);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            File.Delete(partial);
            if (exception is OperationCanceledException)
            {
                throw;
            }

            await context.Error.WriteLineAsync($"error: --output: '{path}' cannot be written (check the folder's permissions and free space).").ConfigureAwait(false);
            return false;
        }
    }

    private static bool TryParse(string text, out LocalDate date)
    {
        var parsed = LocalDatePattern.Iso.Parse(text);
        date = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }
}
