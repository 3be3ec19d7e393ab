using System.CommandLine;
using System.Globalization;
using Invoicing.Core;
using Invoicing.Storage.Sqlite;

namespace Invoicing.Cli.Commands;

/// <summary><c>invoicing archive verify --db FILE</c>: walks the hash chain of a SQLite archive without changing it.</summary>
internal static class ArchiveCommand
{
    public static Command Create(CliContext context)
    {
        var database = new Option<string>("--db") { Description = "The SQLite database file of the invoice store.", Required = true };
        var verify = new Command("verify", "Check that no issued invoice was altered, removed or reordered (exit 0 intact, 1 broken, 2 bad input).") { database };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            ArchiveVerification result;
            try
            {
                result = await SqliteArchive.VerifyAsync(parse.GetValue(database)!, cancellationToken).ConfigureAwait(false);
            }
            catch (InvoiceStoreException exception)
            {
                await context.Error.WriteLineAsync($"error: {StoreErrors.Describe(exception)}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            catch (ArgumentException)
            {
                await context.Error.WriteLineAsync($"error: --db: '{parse.GetValue(database)}' is not a usable file path.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (result.IsIntact)
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"archive intact: {result.DocumentsChecked} documents checked")).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"archive broken at {result.FirstBrokenNumber}: {result.Reason}")).ConfigureAwait(false);
            return ExitCodes.Invalid;
        });
        return new Command("archive", "Work with the invoice archive.") { verify };
    }
}
