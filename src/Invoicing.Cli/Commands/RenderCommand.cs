using System.CommandLine;
using Invoicing.Core;
using Invoicing.EInvoicing;
using Invoicing.Pdf;

namespace Invoicing.Cli.Commands;

/// <summary>
/// <c>invoicing render IN -o OUT.pdf [--facturx minimum|basicwl|basic|en16931|extended] [--lang fr|en]</c>:
/// renders our JSON, a CII or a UBL invoice as a PDF, or as a Factur-X PDF/A-3 with its XML embedded.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The invoice: our JSON, CII, UBL or a Factur-X PDF." };
        var output = new Option<string>("--output", "-o") { Description = "The PDF file to write.", Required = true };
        var facturX = new Option<string?>("--facturx") { Description = "Embed the CII XML of this Factur-X profile: minimum, basicwl, basic, en16931 or extended." };
        var language = new Option<string>("--lang") { Description = "Language of the labels: fr (default) or en.", DefaultValueFactory = _ => "fr" };
        language.AcceptOnlyFromAmong("fr", "en");
        var command = new Command("render", "Render an invoice or credit note as a PDF, or a Factur-X PDF/A-3.") { file, output, facturX, language };
        command.SetAction(async (parse, cancellationToken) =>
        {
            FacturXProfile? profile = null;
            if (parse.GetValue(facturX) is { } name)
            {
                if (!FacturXProfiles.TryParseName(name, out var parsed))
                {
                    await context.Error.WriteLineAsync($"error: unknown Factur-X profile '{name}' (minimum, basicwl, basic, en16931, extended).").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }

                profile = parsed;
            }

            var document = await DocumentLoader.LoadAsync(parse.GetValue(file)!, cancellationToken).ConfigureAwait(false);
            var options = PdfRenderOptions.Default with { Language = parse.GetValue(language) == "en" ? PdfLanguage.English : PdfLanguage.French };
            using var buffer = new MemoryStream();
            IReadOnlyList<ValidationIssue> losses = [];
            if (profile is { } p)
            {
                losses = FacturXPdf.Render(document.Invoice, p, buffer, options);
            }
            else
            {
                InvoicePdf.Render(document.Invoice, buffer, options);
            }

            foreach (var loss in losses)
            {
                await context.Error.WriteLineAsync($"not carried by the profile: {loss}").ConfigureAwait(false);
            }

            var path = parse.GetValue(output)!;
            await File.WriteAllBytesAsync(path, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"{path}: {buffer.Length} bytes{(profile is { } q ? $", Factur-X {q}" : string.Empty)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
