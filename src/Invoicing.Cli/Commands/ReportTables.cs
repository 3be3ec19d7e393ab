using System.Globalization;
using System.Text;
using Invoicing.Reporting;

namespace Invoicing.Cli.Commands;

/// <summary>The readable tables of <c>invoicing report</c>: fixed-width columns, amounts with thousands separators.</summary>
internal static class ReportTables
{
    public static string Aging(AgingReport report, int top)
    {
        var text = new StringBuilder();
        Line(text, $"Aging of receivables on {report.AsOf:yyyy-MM-dd}");
        foreach (var section in report.Currencies)
        {
            Line(text, string.Empty);
            var header = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"  {section.Currency.Code,-3} {"customer",-28}"));
            foreach (var bucket in report.Buckets.Buckets)
            {
                header.Append(CultureInfo.InvariantCulture, $" {bucket.Label,12}");
            }

            Line(text, header.Append(CultureInfo.InvariantCulture, $" {"total",13} {"inv.",5}").ToString());
            foreach (var row in section.Customers.Append(section.Total))
            {
                var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"      {Cut(row.CustomerName, 28),-28}"));
                foreach (var amount in row.Amounts)
                {
                    line.Append(CultureInfo.InvariantCulture, $" {amount,12:N2}");
                }

                Line(text, line.Append(CultureInfo.InvariantCulture, $" {row.Total,13:N2} {row.InvoiceCount,5}").ToString());
            }

            Line(text, string.Empty);
            Line(text, string.Create(CultureInfo.InvariantCulture, $"  Top debtors ({section.Currency.Code})            owed       overdue"));
            foreach (var row in section.TopDebtors(top))
            {
                Line(text, string.Create(CultureInfo.InvariantCulture, $"      {Cut(row.CustomerName, 28),-28} {row.Total,13:N2} {row.Overdue,13:N2}"));
            }
        }

        if (report.Currencies.Count == 0)
        {
            Line(text, "  Nothing is open.");
        }

        return text.ToString();
    }

    public static string Dso(DsoReport dso, PaymentBehaviourReport behaviour)
    {
        var text = new StringBuilder();
        Line(text, string.Create(CultureInfo.InvariantCulture, $"Days sales outstanding on {dso.AsOf:yyyy-MM-dd} (sales over the last {dso.PeriodDays} days)"));
        Line(text, string.Empty);
        Line(text, "  cur.   receivables   credit sales   DSO standard   DSO countback      CEI");
        foreach (var row in dso.Currencies)
        {
            var standard = row.StandardDays is { } days ? string.Create(CultureInfo.InvariantCulture, $"{days:0.0} d") : "n/a";
            var countback = string.Create(CultureInfo.InvariantCulture, $"{(row.CountbackIsLowerBound ? ">= " : string.Empty)}{row.CountbackDays:0.0} d");
            var cei = row.CollectionEffectivenessIndex is { } index ? string.Create(CultureInfo.InvariantCulture, $"{index:0.00} %") : "n/a";
            Line(text, string.Create(CultureInfo.InvariantCulture, $"  {row.Currency.Code,-4} {row.Receivables,14:N2} {row.CreditSales,14:N2} {standard,14} {countback,15} {cei,9}"));
        }

        Line(text, string.Empty);
        Line(text, "  Payment behaviour (settled invoices)   paid   avg delay   avg days late   std dev");
        foreach (var row in behaviour.Customers.Concat(behaviour.Overall is { } overall ? [overall] : []))
        {
            Line(text, string.Create(CultureInfo.InvariantCulture, $"      {Cut(row.CustomerName, 32),-32} {row.PaidInvoices,6} {row.AverageDelayDays,9:0.0} d {row.AverageDaysLate,13:0.0} d {row.DelayStandardDeviationDays,7:0.0} d"));
        }

        return text.ToString();
    }

    public static string Forecast(CashForecast forecast, PaymentBehaviourReport behaviour)
    {
        var text = new StringBuilder();
        Line(text, string.Create(CultureInfo.InvariantCulture, $"Cash-in forecast from {forecast.AsOf:yyyy-MM-dd}, {forecast.WeekCount} weeks ({behaviour.Customers.Count} customers with a payment history)"));
        foreach (var section in forecast.Currencies)
        {
            Line(text, string.Empty);
            Line(text, string.Create(CultureInfo.InvariantCulture, $"  {section.Currency.Code}  week  from        to             expected           low          high    cumulative"));
            foreach (var week in section.Weeks)
            {
                Line(text, string.Create(CultureInfo.InvariantCulture, $"       {week.Index,4}  {week.Start:yyyy-MM-dd}  {week.End:yyyy-MM-dd} {week.Expected,13:N2} {week.Low,13:N2} {week.High,13:N2} {week.CumulativeExpected,13:N2}"));
            }

            Line(text, string.Create(CultureInfo.InvariantCulture, $"       later{string.Empty,24} {section.BeyondHorizon,13:N2}"));
            Line(text, string.Create(CultureInfo.InvariantCulture, $"       open balance ({section.InvoiceCount} invoices){string.Empty,2} {section.OpenBalance,13:N2}"));
        }

        if (forecast.Currencies.Count == 0)
        {
            Line(text, "  Nothing is open.");
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    private static string Cut(string text, int width) => text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");
}
