using System.Globalization;
using CsvHelper;
using NodaTime;
using static Invoicing.Reporting.Tests.Ledger;

namespace Invoicing.Reporting.Tests;

public sealed class ReportCsvTests
{
    [Fact]
    public void WriteAging_CustomerLinesThenTotal_PerCurrency()
    {
        var report = Receivables.Aging(
            [Invoice("Acme, Inc.", new LocalDate(2026, 11, 1), 100.5m), Invoice("Globex", new LocalDate(2026, 12, 1), 20m), Invoice("Initech", new LocalDate(2026, 8, 1), 7m, Core.Currency.Usd)],
            AsOf);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        ReportCsv.WriteAging(report, writer);

        Assert.Equal(
            [
                "currency,customerKey,customerName,not due,1-30,31-60,61-90,over 90,total,invoices",
                "EUR,\"Acme, Inc.\",\"Acme, Inc.\",0,100.5,0,0,0,100.5,1",
                "EUR,Globex,Globex,20,0,0,0,0,20,1",
                "EUR,,Total,20,100.5,0,0,0,120.5,2",
                "USD,Initech,Initech,0,0,0,0,7,7,1",
                "USD,,Total,0,0,0,0,7,7,1",
            ],
            Lines(writer));
    }

    [Fact]
    public void WriteDso_OneLinePerCurrency_EmptyWhenUndefined()
    {
        var report = Receivables.Dso([Invoice("Acme", new LocalDate(2022, 12, 1), 100m, issued: new LocalDate(2022, 11, 1))], AsOf);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        ReportCsv.WriteDso(report, writer);

        var lines = Lines(writer);
        Assert.Equal("currency,asOf,periodDays,receivables,creditSales,dsoStandard,dsoCountback,countbackIsLowerBound,openingReceivables,currentReceivables,cei", lines[0]);
        Assert.Equal("EUR,2026-11-28,90,100,0,,1094,true,100,0,0", lines[1]);
    }

    [Fact]
    public void WriteForecast_ReadsBackWithTheSameFigures()
    {
        var forecast = Receivables.Forecast([Invoice("Acme", new LocalDate(2026, 12, 8), 250m)], AsOf, 3);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        ReportCsv.WriteForecast(forecast, writer);

        using var csv = new CsvReader(new StringReader(writer.ToString()), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["0", "250", "0"], rows.Select(r => (string)r["expected"]));
        Assert.Equal(["2026-11-28", "2026-12-05", "2026-12-12"], rows.Select(r => (string)r["start"]));
    }

    [Fact]
    public void WriteOverdue_StreamsEachInvoice()
    {
        var overdue = Receivables.Overdue([Invoice("Acme", new LocalDate(2026, 11, 18), 12.34m)], AsOf);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        ReportCsv.WriteOverdue(overdue, writer);

        Assert.Matches(@"^F-\d{6},Acme,Acme,EUR,2026-11-18,10,12.34$", Lines(writer)[1]);
    }

    [Fact]
    public void WritePaymentBehaviour_OneLinePerCustomer()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        ReportCsv.WritePaymentBehaviour(Receivables.PaymentBehaviour(PaymentBehaviourTests.History(), AsOf), writer);

        Assert.Equal(["customerKey,customerName,paidInvoices,averageDelayDays,averageDaysLate,delayStandardDeviationDays", "Globex,Globex,1,30,30,0", "Acme,Acme,3,4.33,5,4.92"], Lines(writer));
    }

    [Fact]
    public void WriteAging_NullWriter_Throws() =>
        Assert.Throws<ArgumentNullException>(() => ReportCsv.WriteAging(Receivables.Aging([], AsOf), null!));

    private static string[] Lines(StringWriter writer) => writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
}
