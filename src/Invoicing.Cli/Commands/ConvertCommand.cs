using System.CommandLine;
using Invoicing.Core;
using Invoicing.EInvoicing;

namespace Invoicing.Cli.Commands;

/// <summary>
/// <c>invoicing convert IN --to json|cii|ubl [--profile en16931] [-o OUT]</c>: reads our JSON, CII or UBL (detected)
/// and writes it in the syntax asked for. Data the target cannot carry is listed on standard error.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The invoice: our JSON, CII or UBL (the syntax is detected)." };
        var to = new Option<string>("--to") { Description = "The syntax to write: json, cii or ubl.", Required = true };
        to.AcceptOnlyFromAmong("json", "cii", "ubl");
        var profile = new Option<string?>("--profile") { Description = "The Factur-X profile of CII output: minimum, basicwl, basic, en16931 (default) or extended." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write; standard output when absent." };
        var command = new Command("convert", "Convert an invoice between our JSON, CII (Factur-X / ZUGFeRD) and UBL 2.1 (EN 16931 / Peppol BIS 3).") { file, to, profile, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(to)!;
            var profileName = parse.GetValue(profile);
            FacturXProfile? facturX = null;
            if (profileName is not null)
            {
                if (target != "cii")
                {
                    await context.Error.WriteLineAsync("error: --profile applies to --to cii only.").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }

                if (!FacturXProfiles.TryParseName(profileName, out var parsed))
                {
                    await context.Error.WriteLineAsync($"error: unknown profile '{profileName}' (minimum, basicwl, basic, en16931, extended).").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }

                facturX = parsed;
            }

            var document = await DocumentLoader.LoadAsync(parse.GetValue(file)!, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            IReadOnlyList<ValidationIssue> losses = [];
            switch (target)
            {
                case "json":
                    await buffer.WriteAsync(System.Text.Encoding.UTF8.GetBytes(InvoiceJson.Serialize(document.Invoice)), cancellationToken).ConfigureAwait(false);
                    break;
                case "cii":
                    losses = EInvoiceWriter.Write(document.Invoice, EInvoiceSyntax.Cii, buffer, facturX ?? FacturXProfile.En16931);
                    break;
                default:
                    losses = EInvoiceWriter.Write(document.Invoice, EInvoiceSyntax.Ubl, buffer);
                    break;
            }

            foreach (var loss in losses)
            {
                await context.Error.WriteLineAsync($"warning: {loss}").ConfigureAwait(false);
            }

            var path = parse.GetValue(output);
            if (path is null)
            {
                await context.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
                await context.Out.WriteLineAsync().ConfigureAwait(false);
            }
            else
            {
                await File.WriteAllBytesAsync(path, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
