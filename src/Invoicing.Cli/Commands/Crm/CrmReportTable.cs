using System.Globalization;
using System.Text;
using Invoicing.Core;
using Invoicing.Crm;

namespace Invoicing.Cli.Commands.Crm;

/// <summary>The sync report as a text table: one line per deal that did something, then the counts.</summary>
internal static class CrmReportTable
{
    public static string Format(CrmSyncReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"outcome",-14} {"deal",-20} {"customer",-28} {"amount due",14}  detail");
        foreach (var entry in report.Entries)
        {
            var amount = entry.AmountDue is { } due ? string.Create(CultureInfo.InvariantCulture, $"{due:0.00} {entry.Currency}") : "-";
            var detail = entry.Outcome switch
            {
                CrmSyncOutcome.Held => string.Join("; ", entry.Issues.Select(issue => $"{issue.RuleId} {issue.Path}: {issue.Message}")),
                CrmSyncOutcome.Reported => "changed after its invoice was issued: not re-invoiced; credit or invoice the difference by hand",
                _ => entry.DealName ?? string.Empty,
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"{Verb(entry.Outcome, report.DryRun),-14} {Cut(entry.DealId, 20),-20} {Cut(entry.CustomerName ?? "-", 28),-28} {amount,14}  {detail}");
        }

        var verb = report.DryRun ? "would create" : "created";
        text.AppendLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Source}: {verb} {report.Created}, {(report.DryRun ? "would update" : "updated")} {report.Updated}, held {report.Held}, reported {report.Reported}, unchanged {report.Unchanged}, not won {report.Skipped}{(report.DryRun ? " (dry run: nothing written)" : string.Empty)}"));
        return text.ToString();
    }

    private static string Verb(CrmSyncOutcome outcome, bool dryRun) => (outcome, dryRun) switch
    {
        (CrmSyncOutcome.Created, true) => "would create",
        (CrmSyncOutcome.Created, false) => "created",
        (CrmSyncOutcome.Updated, true) => "would update",
        (CrmSyncOutcome.Updated, false) => "updated",
        (CrmSyncOutcome.Held, _) => "held",
        (CrmSyncOutcome.Reported, _) => "reported",
        _ => "unchanged",
    };

    private static string Cut(string value, int width) => value.Length <= width ? value : value[..(width - 1)] + "…";
}
