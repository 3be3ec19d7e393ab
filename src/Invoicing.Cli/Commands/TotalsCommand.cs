using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Invoicing.Core;

namespace Invoicing.Cli.Commands;

/// <summary><c>invoicing totals FILE [--json]</c>: the EN 16931 totals, recomputed from the lines.</summary>
internal static class TotalsCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The invoice: our JSON, CII, UBL or a Factur-X PDF." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object keyed by EN 16931 term ids." };
        var command = new Command("totals", "Compute the totals (BT-106..BT-115) and the VAT breakdown of an invoice.") { file, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var document = await DocumentLoader.LoadAsync(parse.GetValue(file)!, cancellationToken).ConfigureAwait(false);
            var totals = InvoiceCalculator.Calculate(document.Invoice);
            var text = parse.GetValue(json)
                ? ToJson(totals)
                : ToTable(document.Invoice, totals);
            await context.Out.WriteLineAsync(text).ConfigureAwait(false);
            var (differences, rounding) = document.StatedTotals is null ? ([], []) : TotalsComparison.Compare(document.StatedTotals, totals, document.Invoice.Currency);
            foreach (var difference in differences)
            {
                await context.Error.WriteLineAsync($"stated total differs: {difference}").ConfigureAwait(false);
            }

            foreach (var row in rounding)
            {
                await context.Error.WriteLineAsync($"stated VAT one minor unit away, as BR-CO-17 allows: {row}").ConfigureAwait(false);
            }

            return differences.Count == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }

    /// <summary>One JSON object: keys are the EN 16931 term ids, absent when not applicable.</summary>
    internal static string ToJson(InvoiceTotals totals)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("BT-106", totals.LineNetTotal);
            WriteOptional(writer, "BT-107", totals.AllowanceTotal);
            WriteOptional(writer, "BT-108", totals.ChargeTotal);
            writer.WriteNumber("BT-109", totals.TaxExclusiveAmount);
            writer.WriteNumber("BT-110", totals.VatTotal);
            writer.WriteNumber("BT-112", totals.TaxInclusiveAmount);
            WriteOptional(writer, "BT-113", totals.PrepaidAmount);
            WriteOptional(writer, "BT-114", totals.RoundingAmount);
            writer.WriteNumber("BT-115", totals.AmountDue);
            writer.WriteStartArray("vatBreakdown");
            foreach (var row in totals.VatBreakdown)
            {
                writer.WriteStartObject();
                writer.WriteString("category", row.Category.Code());
                if (row.Rate is { } rate)
                {
                    writer.WriteNumber("rate", rate);
                }

                writer.WriteNumber("BT-116", row.TaxableAmount);
                writer.WriteNumber("BT-117", row.TaxAmount);
                if (row.ExemptionReasonCode is not null)
                {
                    writer.WriteString("BT-121", row.ExemptionReasonCode);
                }

                if (row.ExemptionReason is not null)
                {
                    writer.WriteString("BT-120", row.ExemptionReason);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } amount)
        {
            writer.WriteNumber(name, amount);
        }
    }

    private static string ToTable(Invoice invoice, InvoiceTotals totals)
    {
        var currency = invoice.Currency.Code;
        var rows = new List<(string Label, decimal? Amount)>
        {
            ("Sum of line net amounts (BT-106)", totals.LineNetTotal),
            ("Allowances on document level (BT-107)", totals.AllowanceTotal),
            ("Charges on document level (BT-108)", totals.ChargeTotal),
            ("Total without VAT (BT-109)", totals.TaxExclusiveAmount),
            ("Total VAT (BT-110)", totals.VatTotal),
            ("Total with VAT (BT-112)", totals.TaxInclusiveAmount),
            ("Paid amount (BT-113)", totals.PrepaidAmount),
            ("Rounding amount (BT-114)", totals.RoundingAmount),
            ("Amount due for payment (BT-115)", totals.AmountDue),
        };
        var lines = new List<string>
        {
            $"{Describe(invoice)}  ({currency})",
            string.Empty,
        };
        foreach (var (label, amount) in rows)
        {
            if (amount is { } value)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {label,-40} {value,14:N2}"));
            }
        }

        lines.Add(string.Empty);
        lines.Add("  VAT breakdown        taxable (BT-116)      VAT (BT-117)");
        foreach (var row in totals.VatBreakdown)
        {
            var rate = row.Rate is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r:0.##} %") : "-";
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {row.Category.Code(),-3} {rate,-10} {row.TaxableAmount,20:N2} {row.TaxAmount,17:N2}"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Describe(Invoice invoice) =>
        $"{(invoice.Type.IsCreditNote() ? "Credit note" : "Invoice")} {invoice.Number ?? "(draft)"} of {invoice.IssueDate:yyyy-MM-dd}, {invoice.Seller.Name} -> {invoice.Buyer.Name}";
}
