using System.CommandLine;
using System.Globalization;
using System.Text;
using Invoicing.Core;
using Invoicing.Crm;
using Invoicing.Crm.Csv;
using Invoicing.Storage.Sqlite;

namespace Invoicing.Cli.Commands.Crm;

/// <summary>
/// <c>invoicing crm sync</c>: won deals from a CRM or from CSV files become drafts in a SQLite store, each once; a
/// table says what was (or, with <c>--dry-run</c>, would be) created, updated, held or reported.
/// </summary>
internal static class CrmCommand
{
    private const string CsvSource = "csv";

    public static Command Create(CliContext context) => new("crm", "Invoice drafts from a CRM (HubSpot, Salesforce, Zoho) or CSV files.")
    {
        Sync(context),
    };

    private static Command Sync(CliContext context)
    {
        var names = new[] { CsvSource }.Concat(CrmSources.Factories.Keys.Order(StringComparer.Ordinal)).ToArray();
        var source = new Option<string>("--source") { Description = $"Where the deals come from: {string.Join(", ", names)}.", Required = true };
        source.AcceptOnlyFromAmong(names);
        var database = new Option<string>("--db") { Description = "The SQLite database of the invoice store (created when missing).", Required = true };
        var template = new Option<string>("--template") { Description = "An invoice JSON giving the seller, notes, payment instructions, billing mode and payment delay of every draft.", Required = true };
        var customers = new Option<string>("--customers") { Description = "CSV: the customers file." };
        var lines = new Option<string>("--lines") { Description = "CSV: the lines file, one row per deal line." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be done; write nothing." };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "CSV: import the good rows of files with bad ones (a deal with a bad line is left out whole)." };
        var full = new Option<bool>("--full") { Description = "Read every record again, not only those changed since the last run (drafts held for missing customer data)." };
        var baseUrl = new Option<string>("--base-url") { Description = "The CRM's API address (else INVOICING_CRM_BASE_URL)." };
        var token = new Option<string>("--token") { Description = "An access token (else INVOICING_CRM_TOKEN)." };
        var refreshToken = new Option<string>("--refresh-token") { Description = "An OAuth refresh token (else INVOICING_CRM_REFRESH_TOKEN)." };
        var clientId = new Option<string>("--client-id") { Description = "The OAuth client id (else INVOICING_CRM_CLIENT_ID)." };
        var clientSecret = new Option<string>("--client-secret") { Description = "The OAuth client secret (else INVOICING_CRM_CLIENT_SECRET)." };
        var tokenUrl = new Option<string>("--token-url") { Description = "Where the token is refreshed (else INVOICING_CRM_TOKEN_URL)." };
        var sirenField = new Option<string>("--siren-field") { Description = "The CRM property holding the SIREN." };
        var siretField = new Option<string>("--siret-field") { Description = "The CRM property holding the SIRET." };
        var vatIdField = new Option<string>("--vat-id-field") { Description = "The CRM property holding the VAT identifier." };
        var vatCategoryField = new Option<string>("--vat-category-field") { Description = "The line item property holding the VAT category code." };
        var command = new Command("sync", "Draft the won deals not drafted yet, update drafts of changed deals, hold deals missing data, report deals changed after issue (exit 0 done, 1 some deal held or reported, 2 bad input).")
        {
            source, database, template, customers, lines, dryRun, skipInvalid, full, baseUrl, token, refreshToken, clientId, clientSecret, tokenUrl, sirenField, siretField, vatIdField, vatCategoryField,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(source)!.ToLowerInvariant();
            var arguments = new CrmSourceArguments
            {
                Source = name,
                BaseUrl = parse.GetValue(baseUrl) ?? Environment.GetEnvironmentVariable("INVOICING_CRM_BASE_URL"),
                Token = parse.GetValue(token) ?? Environment.GetEnvironmentVariable("INVOICING_CRM_TOKEN"),
                RefreshToken = parse.GetValue(refreshToken) ?? Environment.GetEnvironmentVariable("INVOICING_CRM_REFRESH_TOKEN"),
                ClientId = parse.GetValue(clientId) ?? Environment.GetEnvironmentVariable("INVOICING_CRM_CLIENT_ID"),
                ClientSecret = parse.GetValue(clientSecret) ?? Environment.GetEnvironmentVariable("INVOICING_CRM_CLIENT_SECRET"),
                TokenUrl = parse.GetValue(tokenUrl) ?? Environment.GetEnvironmentVariable("INVOICING_CRM_TOKEN_URL"),
                CustomersFile = parse.GetValue(customers),
                LinesFile = parse.GetValue(lines),
                SkipInvalid = parse.GetValue(skipInvalid),
                Fields = new CrmFieldMapping
                {
                    Siren = parse.GetValue(sirenField),
                    Siret = parse.GetValue(siretField),
                    VatId = parse.GetValue(vatIdField),
                    VatCategory = parse.GetValue(vatCategoryField),
                },
            };
            var mapping = new CrmMapping(await CrmTemplateFile.LoadAsync(parse.GetValue(template)!, cancellationToken).ConfigureAwait(false));
            try
            {
                if (await OpenSourceAsync(context, arguments).ConfigureAwait(false) is not { } crm)
                {
                    return ExitCodes.BadInput;
                }

                using var file = CrmSyncDatabase.For(parse.GetValue(database)!, parse.GetValue(dryRun));
                var store = SqliteInvoiceStores.Open(file.ConnectionString);
                await using var closeStore = ((IAsyncDisposable)store).ConfigureAwait(false);
                var sync = new CrmSync(SqliteInvoiceStores.OpenCrmSyncStore(store), store, new InvoicingService(store, context.Clock), mapping, context.Clock);
                var report = await sync.RunAsync(crm, new CrmSyncRunOptions { DryRun = parse.GetValue(dryRun), FullResync = parse.GetValue(full) }, cancellationToken).ConfigureAwait(false);
                await context.Out.WriteAsync(CrmReportTable.Format(report)).ConfigureAwait(false);
                return report.Held + report.Reported > 0 ? ExitCodes.Invalid : ExitCodes.Ok;
            }
            catch (CrmException exception)
            {
                await context.Error.WriteLineAsync($"error: {Describe(exception)}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    /// <summary>The source to read, or null when the CSV files have errors (each printed).</summary>
    private static async Task<ICrmSource?> OpenSourceAsync(CliContext context, CrmSourceArguments arguments)
    {
        if (arguments.Source != CsvSource)
        {
            return CrmSources.Factories[arguments.Source](arguments);
        }

        if (arguments.CustomersFile is null || arguments.LinesFile is null)
        {
            throw new InvoiceFormatException("The csv source reads two files: give --customers and --lines.", arguments.CustomersFile is null ? "--customers" : "--lines");
        }

        foreach (var (path, option) in new[] { (arguments.CustomersFile, "--customers"), (arguments.LinesFile, "--lines") })
        {
            if (!File.Exists(path))
            {
                throw new InvoiceFormatException($"No file '{path}'.", option);
            }
        }

        var import = CsvCrmSource.Load(arguments.CustomersFile, arguments.LinesFile, arguments.SkipInvalid);
        var prefix = import.Source is null ? "error" : "warning: skipped";
        foreach (var error in import.Errors)
        {
            await context.Error.WriteLineAsync($"{prefix}: {error}").ConfigureAwait(false);
        }

        if (import.Source is null && import.Errors.Count > 0)
        {
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"error: nothing imported: {import.Errors.Count} bad row(s); fix them, or import the good rows with --skip-invalid.")).ConfigureAwait(false);
        }

        return import.Source;
    }

    private static string Describe(CrmException exception)
    {
        var text = new StringBuilder(exception.SourceName).Append(": ").Append(exception.Message);
        if (exception.RecordId is { } record)
        {
            text.Append(" (record ").Append(record).Append(exception.Field is { } field ? ", field " + field : string.Empty).Append(')');
        }
        else if (exception.Field is { } field)
        {
            text.Append(" (field ").Append(field).Append(')');
        }

        return string.Join(' ', text.ToString().Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }
}
