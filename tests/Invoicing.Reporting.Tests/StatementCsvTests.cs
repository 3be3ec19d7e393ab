using System.Globalization;
using CsvHelper;
using Invoicing.Core;
using NodaTime;
using static Invoicing.Reporting.Tests.Ledger;

namespace Invoicing.Reporting.Tests;

public sealed class StatementCsvTests
{
    [Fact]
    public void WriteStatement_ReadsBackWithCsvHelper_OpeningLinesClosingAndAgingPerCurrency()
    {
        var from = new LocalDate(2026, 10, 1);
        var before = Invoice("Acme, Inc.", new LocalDate(2026, 10, 1), 1_200.5m, issued: new LocalDate(2026, 9, 1));
        var inPeriod = Invoice("Acme, Inc.", new LocalDate(2026, 11, 10), 300m, issued: new LocalDate(2026, 10, 11), payments: [(new LocalDate(2026, 11, 20), 100.25m)]);
        var usd = Invoice("Acme, Inc.", new LocalDate(2026, 12, 10), 99.99m, Currency.Usd, issued: new LocalDate(2026, 11, 10));
        var statement = Statements.Build([before, inPeriod, usd], new StatementRequest("Acme, Inc.", AsOf) { From = from });
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        ReportCsv.WriteStatement(statement, writer);

        var text = writer.ToString();
        Assert.StartsWith("currency,kind,date,number,reference,debit,credit,balance,dueDate,daysOverdue\r\n", text, StringComparison.Ordinal);
        Assert.False(text.StartsWith('\uFEFF'));
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Select(r => r.ToDictionary(p => p.Key, p => (string)p.Value)).ToList();
        Assert.Equal(
            [
                ("EUR", "opening", "2026-10-01", "", "", "", "1200.50"),
                ("EUR", "invoice", "2026-10-11", inPeriod.Number, "300.00", "0.00", "1500.50"),
                ("EUR", "payment", "2026-11-20", inPeriod.Number, "0.00", "100.25", "1400.25"),
                ("EUR", "closing", "2026-11-28", "", "300.00", "100.25", "1400.25"),
                ("EUR", "aging", "2026-11-28", "", "", "", "0.00"),
                ("EUR", "aging", "2026-11-28", "", "", "", "199.75"),
                ("EUR", "aging", "2026-11-28", "", "", "", "1200.50"),
                ("EUR", "aging", "2026-11-28", "", "", "", "0.00"),
                ("EUR", "aging", "2026-11-28", "", "", "", "0.00"),
                ("USD", "opening", "2026-10-01", "", "", "", "0.00"),
                ("USD", "invoice", "2026-11-10", usd.Number, "99.99", "0.00", "99.99"),
                ("USD", "closing", "2026-11-28", "", "99.99", "0.00", "99.99"),
            ],
            rows.Take(12).Select(r => (r["currency"], r["kind"], r["date"], r["number"], r["debit"], r["credit"], r["balance"])));
        Assert.Equal(["not due", "1-30", "31-60", "61-90", "over 90"], rows.Where(r => r["kind"] == "aging" && r["currency"] == "EUR").Select(r => r["reference"]));
        Assert.Equal(("2026-11-10", "18"), (rows[1]["dueDate"], rows[1]["daysOverdue"]));
        Assert.Equal(("", ""), (rows[2]["dueDate"], rows[2]["daysOverdue"]));
        Assert.Equal(17, rows.Count);
    }

    [Fact]
    public void WriteStatement_OpenItems_LeavesTheOpeningDateEmpty()
    {
        var statement = Statements.Build([Invoice("Acme", new LocalDate(2026, 12, 1), 5m)], new StatementRequest("Acme", AsOf));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        ReportCsv.WriteStatement(statement, writer);

        Assert.Equal("EUR,opening,,,,,,0.00,,", writer.ToString().Split("\r\n")[1]);
    }
}
