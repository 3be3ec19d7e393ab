using Invoicing.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);

/// <summary>
/// The tool's entry point, internal: declared here so the ASP.NET Core source generator (the tool references the shared
/// framework through the portal) does not make it public.
/// </summary>
internal static partial class Program;
