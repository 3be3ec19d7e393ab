using System.Xml.Linq;
using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using NodaTime;

namespace Invoicing.Cli.Tests.Commands;

public sealed class ReportCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "invoicing-report-" + Guid.NewGuid().ToString("N"));

    private string Database => Path.Combine(_folder, "invoices.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var store = SqliteInvoiceStores.Open($"Data Source={Database}");
        try
        {
            // Acme: paid 10 days late, then one invoice not yet due; Globex: 28 days past due on 2026-11-28.
            var first = await IssueAsync(store, "Acme SARL", "552100554", new LocalDate(2026, 9, 1), 1_000m);
            await store.RecordPaymentAsync(new Payment(Guid.NewGuid(), first.Number, new LocalDate(2026, 10, 11), 1_200m, PaymentMethod.CreditTransfer));
            await IssueAsync(store, "Globex SA", "987654324", new LocalDate(2026, 10, 1), 500m);
            await IssueAsync(store, "Acme SARL", "552100554", new LocalDate(2026, 11, 1), 250m);
        }
        finally
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ReportAging_Store_Csv_PutsEachBalanceInItsBucket()
    {
        var result = await CliRunner.RunAsync("report", "aging", "--store", Database, "--as-of", "2026-11-28", "--csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "currency,customerKey,customerName,not due,1-30,31-60,61-90,over 90,total,invoices",
                "EUR,987654324,Globex SA,0,600,0,0,0,600,1",
                "EUR,552100554,Acme SARL,300,0,0,0,0,300,1",
                "EUR,,Total,300,600,0,0,0,900,2",
            ],
            result.OutLines);
    }

    [Fact]
    public async Task ReportAging_AsOfBeforeThePayment_CountsTheInvoiceAsOpen()
    {
        var result = await CliRunner.RunAsync("report", "aging", "--store", Database, "--as-of", "2026-10-05", "--csv");

        // On 2026-10-05 Acme's first invoice (1200, due 2026-10-01) was 4 days late; Globex's was not due.
        Assert.Contains("EUR,552100554,Acme SARL,0,1200,0,0,0,1200,1", result.OutLines);
        Assert.Contains("EUR,987654324,Globex SA,600,0,0,0,0,600,1", result.OutLines);
    }

    [Fact]
    public async Task ReportAging_Svg_WritesTheChart()
    {
        var svg = Path.Combine(_folder, "aging.svg");

        var result = await CliRunner.RunAsync("report", "aging", "--store", Database, "--as-of", "2026-11-28", "--svg", svg);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.StartsWith("Globex SA", StringComparison.Ordinal) && l.EndsWith("600.00     1", StringComparison.Ordinal));
        var texts = XDocument.Load(svg).Descendants(XName.Get("text", "http://www.w3.org/2000/svg")).Select(t => t.Value).ToList();
        Assert.Contains("1-30", texts);
        Assert.Contains("600", texts);
    }

    [Fact]
    public async Task ReportDso_Store_PrintsBothMethodsAndDaysLate()
    {
        var result = await CliRunner.RunAsync("report", "dso", "--store", Database, "--as-of", "2026-11-28", "--csv");

        // receivables 900; sales issued after 2026-08-30: 1200 + 600 + 300 = 2100; 900 / 2100 x 90 = 38.6
        // countback: November 300 (28 days), October 600 (31 days): 59 days
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("EUR,2026-11-28,90,900,2100,38.6,59,false,0,300,66.67", result.OutLines[1]);

        var table = await CliRunner.RunAsync("report", "dso", "--store", Database, "--as-of", "2026-11-28");
        Assert.Contains(table.OutLines, l => l.StartsWith("Acme SARL", StringComparison.Ordinal) && l.Contains("10.0 d", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportForecast_Store_ShiftsByTheCustomerDelay()
    {
        var result = await CliRunner.RunAsync("report", "forecast", "--store", Database, "--as-of", "2026-11-28", "--weeks", "2", "--csv");

        // Globex has no history: the portfolio's delay (10 days, Acme's one invoice): due 2026-10-31 + 10 is past, week 0.
        // Acme's open invoice: due 2026-12-01 + 10 = 2026-12-11, week 1.
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["EUR,0,2026-11-28,2026-12-04,600,600,600,600", "EUR,1,2026-12-05,2026-12-11,300,300,300,900"], result.OutLines.Skip(1));
    }

    [Fact]
    public async Task ReportForecast_Demo_PrintsEveryWeek()
    {
        var result = await CliRunner.RunAsync("report", "forecast", "--demo", "--weeks", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.StartsWith("0  2026-11-28  2026-12-04", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("2  2026-12-12  2026-12-18", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "report", "aging" }, "--store FILE")]
    [InlineData(new[] { "report", "aging", "--demo", "--store", "x.db" }, "--store FILE")]
    [InlineData(new[] { "report", "aging", "--store", "missing.db" }, "--store: no store at 'missing.db'")]
    [InlineData(new[] { "report", "dso", "--demo", "--as-of", "28/11/2026" }, "--as-of: '28/11/2026' is not a date")]
    [InlineData(new[] { "report", "aging", "--demo", "--buckets", "30,x" }, "--buckets: 'x'")]
    [InlineData(new[] { "report", "aging", "--demo", "--buckets", "60,30" }, "REP-AGING-BUCKETS [Error] buckets[1]")]
    [InlineData(new[] { "report", "forecast", "--demo", "--weeks", "0" }, "REP-FORECAST-WEEKS [Error] weeks")]
    [InlineData(new[] { "report", "dso", "--demo", "--period-days", "-1" }, "REP-DSO-PERIOD [Error] periodDays")]
    [InlineData(new[] { "report", "aging", "--demo", "--svg", "a.svg", "--currency", "GBP" }, "--currency: nothing open in 'GBP'")]
    [InlineData(new[] { "report", "aging", "--demo", "--top", "0" }, "--top: between 1 and 1000")]
    public async Task Report_BadInput_SaysWhichOptionAndWhy(string[] args, string expected)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportAging_EmptyStore_SaysThereIsNothing()
    {
        var empty = Path.Combine(_folder, "empty.db");
        var store = SqliteInvoiceStores.Open($"Data Source={empty}");
        await SqliteInvoiceStores.MigrateAsync(store);
        await ((IAsyncDisposable)store).DisposeAsync();

        var result = await CliRunner.RunAsync("report", "aging", "--store", empty, "--as-of", "2026-11-28");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no invoice issued on or before 2026-11-28", result.Error, StringComparison.Ordinal);
    }

    private static Task<IssuedInvoice> IssueAsync(IInvoiceStore store, string buyer, string siren, LocalDate issued, decimal net) =>
        store.IssueAsync(new IssueRequest
        {
            Document = new Invoice
            {
                IssueDate = issued,
                DueDate = issued.PlusDays(30),
                Currency = Currency.Eur,
                Seller = new Party { Name = "Atelier Lumière SAS", LegalId = Identifier.Siren("123456782"), VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", PostCode = "69002", CountryCode = "FR" } },
                Buyer = new Party { Name = buyer, LegalId = Identifier.Siren(siren), Address = new PostalAddress { City = "Lyon", PostCode = "69001", CountryCode = "FR" } },
                Lines = [new InvoiceLine { Id = "1", ItemName = "Luminaire", Quantity = 1, NetPrice = net, VatCategory = VatCategory.S, VatRate = 20m }],
            },
            Series = NumberSeries.DefaultInvoices,
            IssuedAt = issued.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
        });
}
