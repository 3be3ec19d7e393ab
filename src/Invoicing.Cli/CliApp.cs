using System.CommandLine;
using Invoicing.Cli.Commands;
using Invoicing.Cli.Commands.Crm;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Cli;

/// <summary>The <c>invoicing</c> command line: parses arguments, runs one command, maps failures to exit codes.</summary>
internal static class CliApp
{
    /// <summary>Runs the command line with the system clock.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, new CliContext(output, error, new SystemTimeClock()));

    /// <summary>Runs the command line.</summary>
    public static Task<int> RunAsync(string[] args, CliContext context) => RunAsync(Root(context), args, context);

    /// <summary>The root command with every subcommand.</summary>
    internal static RootCommand Root(CliContext context)
    {
        var root = new RootCommand("Invoicing SDK: compute, validate, convert and render invoices, chase late payers, measure the payoff.");
        foreach (var command in Commands(context))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>
    /// Runs <paramref name="root"/>: bad input is one "error:" line in the user's words (exit code 2); any other
    /// failure is one "internal error" line, never a stack trace or a .NET type name (exit code 3).
    /// </summary>
    internal static async Task<int> RunAsync(RootCommand root, string[] args, CliContext context)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await context.Error.WriteLineAsync($"error: {OneLine(parsed.Errors[0].Message)}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (InvoiceFormatException exception)
        {
            await context.Error.WriteLineAsync($"error: {OneLine(exception.Message)}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (InvoiceValidationException exception)
        {
            foreach (var issue in exception.Issues)
            {
                await context.Error.WriteLineAsync($"error: {issue}").ConfigureAwait(false);
            }

            return ExitCodes.Invalid;
        }
        catch (IOException exception)
        {
            await context.Error.WriteLineAsync($"error: {OneLine(exception.Message)}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException exception)
        {
            await context.Error.WriteLineAsync($"error: {OneLine(exception.Message)}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (InvoiceStoreException exception)
        {
            await context.Error.WriteLineAsync($"error: {StoreErrors.Describe(exception)}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            await context.Error.WriteLineAsync("error: internal error: the command stopped on a fault of the tool, not of your input; please report it with the command you ran.").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Every command; modules add theirs here.</summary>
    private static IEnumerable<Command> Commands(CliContext context)
    {
        yield return Demo.DemoCommand.Create(context);
        yield return TotalsCommand.Create(context);
        yield return ValidateCommand.Create(context);
        yield return ConvertCommand.Create(context);
        yield return RenderCommand.Create(context);
        yield return ReportCommand.Create(context);
        yield return StatementCommand.Create(context);
        yield return RoiCommand.Create(context);
        yield return ArchiveCommand.Create(context);
        yield return DunningCommand.Create(context);
        yield return RecurringCommand.Create(context);
        yield return PortalCommand.Create(context);
        yield return CrmCommand.Create(context);
        yield return FrenchPlatformCommand.Create(context);
    }

    /// <summary>The message on one line: line breaks and tabs (System.CommandLine lists the allowed values one per line) become single spaces.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The wall clock, read through the host's <see cref="TimeProvider"/>.</summary>
    private sealed class SystemTimeClock : IClock
    {
        public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
    }
}
