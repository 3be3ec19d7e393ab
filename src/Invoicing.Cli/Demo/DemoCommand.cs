using System.CommandLine;

namespace Invoicing.Cli.Demo;

/// <summary><c>invoicing demo [--out DIR]</c>: the SDK end to end on the embedded SQLite store.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder for the demo's database, e-invoices, PDFs, mails and reports (created; its previous demo files are replaced).",
            DefaultValueFactory = _ => "invoicing-demo",
        };
        var command = new Command("demo", "Issue a few French invoices into a SQLite store, then pay, credit, render, remind and report on them.") { output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var run = new DemoRun(context, Path.GetFullPath(parse.GetValue(output)!));
            return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
