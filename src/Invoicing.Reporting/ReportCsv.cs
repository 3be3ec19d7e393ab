using System.Globalization;
using CsvHelper;
using Invoicing.Core;
using NodaTime.Text;

namespace Invoicing.Reporting;

/// <summary>
/// Writes the reports as CSV (comma separated, invariant culture, ISO dates, one header line) to the caller's
/// writer, which stays open. Amounts are written as they are, in their currency, with the currency on each line.
/// </summary>
public static class ReportCsv
{
    /// <summary>One line per customer and one total line per currency: currency, customerKey, customerName, one column per bucket, total, invoices.</summary>
    public static void WriteAging(AgingReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var csv = Open(writer);
        Fields(csv, ["currency", "customerKey", "customerName", .. report.Buckets.Buckets.Select(b => b.Label), "total", "invoices"]);
        foreach (var section in report.Currencies)
        {
            foreach (var row in section.Customers.Append(section.Total))
            {
                csv.WriteField(section.Currency.Code);
                csv.WriteField(row.CustomerKey);
                csv.WriteField(row.CustomerName);
                foreach (var amount in row.Amounts)
                {
                    csv.WriteField(amount);
                }

                csv.WriteField(row.Total);
                csv.WriteField(row.InvoiceCount);
                csv.NextRecord();
            }
        }
    }

    /// <summary>One line per currency: the DSO figures and the CEI (empty when undefined).</summary>
    public static void WriteDso(DsoReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var csv = Open(writer);
        Fields(csv, ["currency", "asOf", "periodDays", "receivables", "creditSales", "dsoStandard", "dsoCountback", "countbackIsLowerBound", "openingReceivables", "currentReceivables", "cei"]);
        foreach (var row in report.Currencies)
        {
            csv.WriteField(row.Currency.Code);
            csv.WriteField(Date(report.AsOf));
            csv.WriteField(report.PeriodDays);
            csv.WriteField(row.Receivables);
            csv.WriteField(row.CreditSales);
            csv.WriteField(row.StandardDays);
            csv.WriteField(row.CountbackDays);
            csv.WriteField(row.CountbackIsLowerBound ? "true" : "false");
            csv.WriteField(row.OpeningReceivables);
            csv.WriteField(row.CurrentReceivables);
            csv.WriteField(row.CollectionEffectivenessIndex);
            csv.NextRecord();
        }
    }

    /// <summary>One line per currency and week: the expected amount, the band and the running total.</summary>
    public static void WriteForecast(CashForecast forecast, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        using var csv = Open(writer);
        Fields(csv, ["currency", "week", "start", "end", "expected", "low", "high", "cumulativeExpected"]);
        foreach (var section in forecast.Currencies)
        {
            foreach (var week in section.Weeks)
            {
                csv.WriteField(section.Currency.Code);
                csv.WriteField(week.Index);
                csv.WriteField(Date(week.Start));
                csv.WriteField(Date(week.End));
                csv.WriteField(week.Expected);
                csv.WriteField(week.Low);
                csv.WriteField(week.High);
                csv.WriteField(week.CumulativeExpected);
                csv.NextRecord();
            }
        }
    }

    /// <summary>One line per customer: settled invoices, average delay, average days late, deviation.</summary>
    public static void WritePaymentBehaviour(PaymentBehaviourReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var csv = Open(writer);
        Fields(csv, ["customerKey", "customerName", "paidInvoices", "averageDelayDays", "averageDaysLate", "delayStandardDeviationDays"]);
        foreach (var row in report.Customers)
        {
            csv.WriteField(row.CustomerKey);
            csv.WriteField(row.CustomerName);
            csv.WriteField(row.PaidInvoices);
            csv.WriteField(row.AverageDelayDays);
            csv.WriteField(row.AverageDaysLate);
            csv.WriteField(row.DelayStandardDeviationDays);
            csv.NextRecord();
        }
    }

    /// <summary>One line per overdue invoice, written as the sequence is read (nothing is buffered).</summary>
    public static void WriteOverdue(IEnumerable<OverdueInvoice> overdue, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(overdue);
        using var csv = Open(writer);
        Fields(csv, ["number", "customerKey", "customerName", "currency", "dueDate", "daysOverdue", "balance"]);
        foreach (var row in overdue)
        {
            csv.WriteField(row.Number);
            csv.WriteField(row.CustomerKey);
            csv.WriteField(row.CustomerName);
            csv.WriteField(row.Currency.Code);
            csv.WriteField(Date(row.DueDate));
            csv.WriteField(row.DaysOverdue);
            csv.WriteField(row.Balance);
            csv.NextRecord();
        }
    }

    /// <summary>
    /// A statement of account, per currency: an <c>opening</c> line, one line per movement (<c>invoice</c>,
    /// <c>creditNote</c>, <c>payment</c>) with the running balance, a <c>closing</c> line with the period's debits and
    /// credits, then one <c>aging</c> line per column (its label in <c>reference</c>, its amount in <c>balance</c>).
    /// </summary>
    public static void WriteStatement(StatementOfAccount statement, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(statement);
        using var csv = Open(writer);
        Fields(csv, ["currency", "kind", "date", "number", "reference", "debit", "credit", "balance", "dueDate", "daysOverdue"]);
        foreach (var section in statement.Sections)
        {
            var c = section.Currency;
            StatementRecord(csv, c, "opening", statement.From is { } from ? Date(from) : string.Empty, section.OpeningBalance);
            foreach (var line in section.Lines)
            {
                csv.WriteField(c.Code);
                csv.WriteField(Kind(line.Type));
                csv.WriteField(Date(line.Date));
                csv.WriteField(line.DocumentNumber);
                csv.WriteField(line.Reference ?? string.Empty);
                csv.WriteField(Amount(line.Debit, c));
                csv.WriteField(Amount(line.Credit, c));
                csv.WriteField(Amount(line.RunningBalance, c));
                csv.WriteField(line.DueDate is { } due ? Date(due) : string.Empty);
                csv.WriteField(line.DaysOverdue?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
                csv.NextRecord();
            }

            StatementRecord(csv, c, "closing", Date(statement.AsOf), section.ClosingBalance, section.TotalDebit, section.TotalCredit);
            for (var i = 0; i < statement.Buckets.Count; i++)
            {
                StatementRecord(csv, c, "aging", Date(statement.AsOf), section.Aging[i], reference: statement.Buckets.Buckets[i].Label);
            }
        }
    }

    private static CsvWriter Open(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
    }

    private static void Fields(CsvWriter csv, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            csv.WriteField(name);
        }

        csv.NextRecord();
    }

    private static void StatementRecord(CsvWriter csv, Currency currency, string kind, string date, decimal balance, decimal? debit = null, decimal? credit = null, string reference = "")
    {
        csv.WriteField(currency.Code);
        csv.WriteField(kind);
        csv.WriteField(date);
        csv.WriteField(string.Empty);
        csv.WriteField(reference);
        csv.WriteField(debit is { } d ? Amount(d, currency) : string.Empty);
        csv.WriteField(credit is { } k ? Amount(k, currency) : string.Empty);
        csv.WriteField(Amount(balance, currency));
        csv.WriteField(string.Empty);
        csv.WriteField(string.Empty);
        csv.NextRecord();
    }

    /// <summary>A statement amount with its currency's minor digits (<c>1200.50</c>), whatever scale the store kept.</summary>
    private static string Amount(decimal amount, Currency currency) =>
        amount.ToString("F" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Kind(StatementLineType type) => type switch
    {
        StatementLineType.Invoice => "invoice",
        StatementLineType.CreditNote => "creditNote",
        _ => "payment",
    };

    private static string Date(NodaTime.LocalDate date) => LocalDatePattern.Iso.Format(date);
}
