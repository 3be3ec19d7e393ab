using System.CommandLine;
using System.Text.Json;
using Invoicing.Core;

namespace Invoicing.Cli.Commands;

/// <summary>
/// <c>invoicing validate FILE [--json]</c>: every EN 16931 and French rule the invoice breaks, one per line
/// (rule id, severity, path, message). Exit 0 when valid (warnings allowed), 1 when invalid, 2 on bad input.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The invoice: our JSON (CII, UBL and Factur-X PDF when their readers are installed)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: valid, error and warning counts, issues." };
        var command = new Command("validate", "Check an invoice against the EN 16931 business rules and the French rules.") { file, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var document = await DocumentLoader.LoadAsync(parse.GetValue(file)!, cancellationToken).ConfigureAwait(false);
            IInvoiceRuleSet[] ruleSets = document.StatedTotals is { } stated ? [new StatedTotalsRuleSet(stated)] : [];
            var result = InvoiceValidator.Validate(document.Invoice, ruleSets);
            var text = parse.GetValue(json) ? ToJson(result) : ToText(result);
            await context.Out.WriteLineAsync(text).ConfigureAwait(false);
            return result.IsValid ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }

    internal static string ToText(ValidationResult result)
    {
        var lines = result.Issues
            .Select(i => $"{i.RuleId}  {Severity(i.Severity)}  {i.Path}  {i.Message.ReplaceLineEndings(" ")}")
            .ToList();
        var errors = result.Errors.Count;
        var warnings = result.Warnings.Count;
        lines.Add(result.IsValid
            ? warnings == 0 ? "valid" : $"valid ({warnings} warning{(warnings == 1 ? string.Empty : "s")})"
            : $"invalid: {errors} error{(errors == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")}");
        return string.Join(Environment.NewLine, lines);
    }

    internal static string ToJson(ValidationResult result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("valid", result.IsValid);
            writer.WriteNumber("errors", result.Errors.Count);
            writer.WriteNumber("warnings", result.Warnings.Count);
            writer.WriteStartArray("issues");
            foreach (var issue in result.Issues)
            {
                writer.WriteStartObject();
                writer.WriteString("rule", issue.RuleId);
                writer.WriteString("severity", Severity(issue.Severity));
                writer.WriteString("path", issue.Path);
                writer.WriteString("message", issue.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Severity(ValidationSeverity severity) => severity == ValidationSeverity.Error ? "error" : "warning";

    /// <summary>For CII and UBL input: the totals the file states must be the ones the lines give.</summary>
    private sealed class StatedTotalsRuleSet(InvoiceTotals stated) : IInvoiceRuleSet
    {
        public IEnumerable<ValidationIssue> Check(Invoice invoice, InvoiceTotals? totals)
        {
            if (totals is null)
            {
                return [];
            }

            var (differences, rounding) = TotalsComparison.Compare(stated, totals, invoice.Currency);
            return differences.Select(d => ValidationIssue.Error("INV-STATED-TOTALS", "totals", $"The stated total differs from the computed one: {d}."))
                .Concat(rounding.Select(r => ValidationIssue.Warning("INV-STATED-VAT-ROUNDING", "totals", $"The stated VAT is one minor unit away from the VAT of its taxable amount, as BR-CO-17 allows (for example on prices with VAT included): {r}.")));
        }
    }
}
