using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Invoicing.Roi;

namespace Invoicing.Cli.Commands;

/// <summary>
/// <c>invoicing roi [--invoices-per-month 200 ...] [--json]</c>: the payoff of automating invoicing, from the
/// detailed model (every input has a default) or from two figures (<c>--investment 1500 --annual-benefits 4500</c>).
/// </summary>
internal static class RoiCommand
{
    /// <summary>The detailed inputs: option name (the field in kebab case), description, how to set it.</summary>
    private static readonly (string Name, string Description, Func<RoiInputs, decimal, RoiInputs> Set)[] Detailed =
    [
        ("--invoices-per-month", "Invoices issued per month (default 200).", (i, v) => i with { InvoicesPerMonth = v }),
        ("--manual-minutes-per-invoice", "Minutes of work per invoice by hand (default 15).", (i, v) => i with { ManualMinutesPerInvoice = v }),
        ("--automated-minutes-per-invoice", "Minutes per invoice once automated (default 3).", (i, v) => i with { AutomatedMinutesPerInvoice = v }),
        ("--hourly-cost", "Loaded cost of an hour of work (default 35).", (i, v) => i with { HourlyCost = v }),
        ("--error-rate", "Share of manual invoices with an error, 0 to 1 (default 0.03).", (i, v) => i with { ErrorRate = v }),
        ("--error-reduction", "Share of errors automation removes, 0 to 1 (default 0.80).", (i, v) => i with { ErrorReduction = v }),
        ("--cost-per-error", "Cost of finding and fixing one error (default 40).", (i, v) => i with { CostPerError = v }),
        ("--printing-and-postage-per-invoice", "Printing and postage per paper invoice (default 1.50).", (i, v) => i with { PrintingAndPostagePerInvoice = v }),
        ("--archiving-per-year", "Paper archiving per year (default 1500).", (i, v) => i with { ArchivingPerYear = v }),
        ("--average-invoice-amount", "Average invoice amount (default 800).", (i, v) => i with { AverageInvoiceAmount = v }),
        ("--dso-before-days", "DSO today, in days (default 45).", (i, v) => i with { DsoBeforeDays = v }),
        ("--dso-after-days", "DSO after automation, in days (default 25).", (i, v) => i with { DsoAfterDays = v }),
        ("--cost-of-capital", "Yearly cost of capital, 0 to 1 (default 0.05).", (i, v) => i with { CostOfCapital = v }),
        ("--subscription-per-year", "Software subscription per year (default 1200).", (i, v) => i with { SubscriptionPerYear = v }),
        ("--setup-cost", "One-off setup cost (default 1000).", (i, v) => i with { SetupCost = v }),
        ("--training-cost", "One-off training cost (default 500).", (i, v) => i with { TrainingCost = v }),
    ];

    public static Command Create(CliContext context)
    {
        var detailed = Detailed.Select(d => (Option: new Option<decimal?>(d.Name) { Description = d.Description }, d.Set)).ToList();
        var investment = new Option<decimal?>("--investment") { Description = "Use two figures instead of the model: the one-off investment." };
        var benefits = new Option<decimal?>("--annual-benefits") { Description = "With --investment: the net benefits per year." };
        var discount = new Option<decimal?>("--discount-rate") { Description = "Yearly discount rate for the NPV, 0 to 1 (default 0.08)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: roi (a fraction), paybackMonths, npv by years, benefits, sensitivity." };
        var command = new Command("roi", "Return on investment of invoice automation: benefits, ROI, payback, NPV over 1, 3 and 5 years, sensitivity.");
        foreach (var option in detailed.Select(d => (Option)d.Option).Concat([investment, benefits, discount, json]))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = detailed.Where(d => parse.GetValue(d.Option) is not null).ToList();
            var simple = parse.GetValue(investment) is not null || parse.GetValue(benefits) is not null;
            RoiResult result;
            try
            {
                if (simple)
                {
                    if (parse.GetValue(investment) is not { } invested || parse.GetValue(benefits) is not { } yearly || given.Count > 0)
                    {
                        await context.Error.WriteLineAsync("error: --investment and --annual-benefits go together, without the detailed options.").ConfigureAwait(false);
                        return ExitCodes.BadInput;
                    }

                    result = RoiCalculator.Calculate(invested, yearly, parse.GetValue(discount) ?? 0.08m);
                }
                else
                {
                    var inputs = given.Aggregate(new RoiInputs(), (current, d) => d.Set(current, parse.GetValue(d.Option)!.Value));
                    if (parse.GetValue(discount) is { } rate)
                    {
                        inputs = inputs with { DiscountRate = rate };
                    }

                    result = RoiCalculator.Calculate(inputs);
                }
            }
            catch (RoiInputException exception)
            {
                foreach (var issue in exception.Issues)
                {
                    await context.Error.WriteLineAsync($"error: --{Kebab(issue.Field)}: {issue.Rule}: {issue.Message}").ConfigureAwait(false);
                }

                return ExitCodes.BadInput;
            }

            await context.Out.WriteLineAsync(parse.GetValue(json) ? ToJson(result) : ToTable(result)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>invoicesPerMonth</c> to <c>invoices-per-month</c>.</summary>
    internal static string Kebab(string camel)
    {
        var text = new StringBuilder();
        foreach (var c in camel)
        {
            if (char.IsUpper(c))
            {
                text.Append('-').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    internal static string ToJson(RoiResult result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("roi", result.Roi);
            if (result.PaybackMonths is { } months)
            {
                writer.WriteNumber("paybackMonths", months);
            }
            else
            {
                writer.WriteNull("paybackMonths");
            }

            writer.WriteStartObject("npv");
            foreach (var point in result.Npv)
            {
                writer.WriteNumber(point.Years.ToString(CultureInfo.InvariantCulture), point.Value);
            }

            writer.WriteEndObject();
            writer.WriteNumber("discountRate", result.DiscountRate);
            writer.WriteNumber("investment", result.Investment);
            writer.WriteStartObject("benefits");
            foreach (var line in result.Benefits)
            {
                writer.WriteNumber(line.Name, line.Amount);
            }

            writer.WriteEndObject();
            writer.WriteNumber("grossAnnualBenefits", result.GrossAnnualBenefits);
            writer.WriteNumber("annualRunningCosts", result.AnnualRunningCosts);
            writer.WriteNumber("netAnnualBenefits", result.NetAnnualBenefits);
            writer.WriteStartArray("sensitivity");
            foreach (var row in result.Sensitivity)
            {
                writer.WriteStartObject();
                writer.WriteString("input", row.Field);
                writer.WriteNumber("base", row.Base);
                writer.WriteNumber("low", row.Low);
                writer.WriteNumber("high", row.High);
                writer.WriteNumber("roiLow", row.RoiLow);
                writer.WriteNumber("roiHigh", row.RoiHigh);
                writer.WriteNumber("npv5Low", row.NpvLow);
                writer.WriteNumber("npv5High", row.NpvHigh);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string ToTable(RoiResult result)
    {
        var lines = new List<string> { "Return on investment of invoice automation", string.Empty, "  Benefits per year" };
        lines.AddRange(result.Benefits.Select(b => Row("    " + b.Name, b.Amount)));
        lines.Add(Row("    total", result.GrossAnnualBenefits));
        lines.Add(Row("  Running costs per year", result.AnnualRunningCosts));
        lines.Add(Row("  Net benefits per year", result.NetAnnualBenefits));
        lines.Add(Row("  Investment", result.Investment));
        lines.Add(string.Empty);
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {"ROI (first year)",-36} {result.Roi * 100m,14:N2} %  ({result.Roi:0.####})"));
        lines.Add(result.PaybackMonths is { } months
            ? string.Create(CultureInfo.InvariantCulture, $"  {"Payback",-36} {months,14:N2} months")
            : string.Create(CultureInfo.InvariantCulture, $"  {"Payback",-36} {"never",14} (net benefits not positive)"));
        foreach (var point in result.Npv)
        {
            lines.Add(Row(string.Create(CultureInfo.InvariantCulture, $"  NPV over {point.Years} year{(point.Years > 1 ? "s" : string.Empty)} at {result.DiscountRate * 100m:0.##} %"), point.Value));
        }

        lines.Add(string.Empty);
        lines.Add("  Sensitivity: each input at -20 % and +20 %");
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"    {"input",-30} {"low",12} {"high",12} {"ROI low",10} {"ROI high",10} {"NPV 5y low",14} {"NPV 5y high",14}"));
        foreach (var row in result.Sensitivity)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"    {row.Field,-30} {row.Low,12:0.####} {row.High,12:0.####} {row.RoiLow * 100m,8:N1} % {row.RoiHigh * 100m,8:N1} % {row.NpvLow,14:N2} {row.NpvHigh,14:N2}"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Row(string label, decimal amount) => string.Create(CultureInfo.InvariantCulture, $"{label,-38} {amount,14:N2}");
}
