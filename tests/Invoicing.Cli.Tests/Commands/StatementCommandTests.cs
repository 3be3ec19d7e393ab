using System.Globalization;
using CsvHelper;
using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using NodaTime;
using static Invoicing.Cli.Tests.PdfFiles;

namespace Invoicing.Cli.Tests.Commands;

/// <summary><c>invoicing statement</c> over a SQLite store; the run's clock says 2026-11-28.</summary>
public sealed class StatementCommandTests : IAsyncLifetime
{
    private const string Dupont = "Boulangerie Dupont";
    private readonly string _folder = Directory.CreateTempSubdirectory("invoicing-statement-").FullName;
    private readonly Dictionary<string, string> _numbers = new(StringComparer.Ordinal);

    private string Database => Path.Combine(_folder, "invoices.db");

    public async Task InitializeAsync()
    {
        // Boulangerie Dupont, 20 % VAT: A 1,200.00 issued 09-01 due 10-01, paid 500.00 on 10-10; B 300.00 issued 10-15 due
        // 11-14, credited 60.00 on 11-01; C 120.00 issued 12-01. Garage Martin: 480.00 issued 10-01.
        // On 2026-11-28: A 700.00 open 58 days past due, B 240.00 open 14 days past due, C not issued yet: 940.00.
        var store = SqliteInvoiceStores.Open($"Data Source={Database}");
        try
        {
            _numbers["A"] = (await IssueAsync(store, Dupont, new LocalDate(2026, 9, 1), 1_000m)).Number;
            _numbers["Martin"] = (await IssueAsync(store, "Garage Martin", new LocalDate(2026, 10, 1), 400m)).Number;
            _numbers["B"] = (await IssueAsync(store, Dupont, new LocalDate(2026, 10, 15), 250m)).Number;
            await store.RecordPaymentAsync(new Payment(Guid.NewGuid(), _numbers["A"], new LocalDate(2026, 10, 10), 500m, PaymentMethod.CreditTransfer, "VIR-1010"));
            _numbers["credit"] = (await IssueAsync(store, Dupont, new LocalDate(2026, 11, 1), 50m, _numbers["B"])).Number;
            _numbers["C"] = (await IssueAsync(store, Dupont, new LocalDate(2026, 12, 1), 100m)).Number;
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
    public async Task Statement_Pdf_ListsTheCustomersOpenItemsWithTheBalanceAndAging()
    {
        var output = Out("dupont.pdf");

        var result = await CliRunner.RunAsync("statement", "--customer", Dupont, "--db", Database, "-o", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.Equal($"{output}: statement of {Dupont} on 2026-11-28, 4 lines, balance EUR 940.00", result.OutLines.Single());
        var text = TextOf(output);
        Assert.Contains("RELEVÉ DE COMPTE", text, StringComparison.Ordinal);
        Assert.Contains(_numbers["A"], text, StringComparison.Ordinal);
        Assert.Contains(_numbers["B"], text, StringComparison.Ordinal);
        Assert.Contains($"Avoir · {_numbers["B"]}", text, StringComparison.Ordinal);
        Assert.Contains("Règlement · VIR-1010", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_numbers["C"], text, StringComparison.Ordinal);
        Assert.DoesNotContain(_numbers["Martin"], text, StringComparison.Ordinal);
        Assert.Contains($"Solde dû {FrenchAmount(940m)} €", text, StringComparison.Ordinal);
        Assert.Contains($"1-30 jours {FrenchAmount(240m)}", text, StringComparison.Ordinal);
        Assert.Contains($"31-60 jours {FrenchAmount(700m)}", text, StringComparison.Ordinal);
        QpdfCheckPasses(output);
    }

    [Fact]
    public async Task Statement_EnglishFromADay_PrintsTheOpeningBalanceAndThePeriodsMovements()
    {
        var output = Out("dupont-en.pdf");

        var result = await CliRunner.RunAsync("statement", "--customer", Dupont, "--db", Database, "-o", output, "--date", "2026-12-05", "--from", "2026-10-01", "--language", "en");

        Assert.Equal(0, result.ExitCode);
        var text = TextOf(output);
        Assert.Contains("Period : 1 Oct 2026 – 5 Dec 2026", text, StringComparison.Ordinal);
        Assert.Contains("Opening balance 1,200.00", text, StringComparison.Ordinal);
        Assert.Contains(_numbers["C"], text, StringComparison.Ordinal);
        Assert.Contains("Balance due €1,060.00", text, StringComparison.Ordinal);
        QpdfCheckPasses(output);
    }

    [Fact]
    public async Task Statement_CsvByExtension_ReadsBackWithCsvHelperWithoutBom()
    {
        var output = Out("dupont.csv");

        var result = await CliRunner.RunAsync("statement", "--customer", Dupont, "--db", Database, "-o", output);

        Assert.Equal(0, result.ExitCode);
        var bytes = await File.ReadAllBytesAsync(output);
        Assert.Equal((byte)'c', bytes[0]);
        using var csv = new CsvReader(new StringReader(System.Text.Encoding.UTF8.GetString(bytes)), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Select(r => r.ToDictionary(p => p.Key, p => (string)p.Value)).ToList();
        Assert.Equal(["opening", "invoice", "payment", "invoice", "creditNote", "closing", "aging", "aging", "aging", "aging", "aging"], rows.Select(r => r["kind"]));
        Assert.Equal(["0.00", "1200.00", "700.00", "1000.00", "940.00", "940.00"], rows.Take(6).Select(r => r["balance"]));
        Assert.Equal(("2026-10-01", "58"), (rows[1]["dueDate"], rows[1]["daysOverdue"]));
    }

    [Fact]
    public async Task Statement_FormatCsv_OverridesTheExtension()
    {
        var output = Out("dupont.txt");

        var result = await CliRunner.RunAsync("statement", "--customer", Dupont, "--db", Database, "-o", output, "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("currency,kind,date", await File.ReadAllTextAsync(output), StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadRequests() => new()
    {
        { ["--customer", "Nobody"], "error: --customer: no document for customer 'Nobody' in '{db}' (the key is the buyer's first identifier, else its legal id, VAT id or name, compared exactly)." },
        { ["--customer", " "], "error: --customer: give the customer key." },
        { ["--customer", Dupont, "--date", "2026-08-31"], $"error: --date: Customer '{Dupont}' has no document issued on or before 2026-08-31; the first is dated 2026-09-01." },
        { ["--customer", Dupont, "--date", "2026-13-45"], "error: --date: '2026-13-45' is not a date (yyyy-MM-dd)." },
        { ["--customer", Dupont, "--date", "28/11/2026"], "error: --date: '28/11/2026' is not a date (yyyy-MM-dd)." },
        { ["--customer", Dupont, "--from", "yesterday"], "error: --from: 'yesterday' is not a date (yyyy-MM-dd)." },
        { ["--customer", Dupont, "--from", "2026-11-29"], "error: --from: The period starts on 2026-11-29, after the statement date 2026-11-28." },
        { ["--customer", Dupont, "--format", "xml"], "error: Argument 'xml' not recognized. Must be one of:" },
        { ["--customer", Dupont, "--lang", "de"], "error: Argument 'de' not recognized. Must be one of:" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Statement_BadRequest_OneErrorLineExit2AndNoFile(string[] arguments, string expected)
    {
        var output = Out("bad.pdf");

        var result = await CliRunner.RunAsync(["statement", "--db", Database, "-o", output, .. arguments]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected.Replace("{db}", Database, StringComparison.Ordinal), result.ErrorLines.Single(), StringComparison.Ordinal);
        Assert.Empty(result.Out);
        Assert.DoesNotContain(Directory.GetFiles(_folder), f => !f.StartsWith(Database, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Statement_EmptyStore_SaysTheStoreHoldsNothing()
    {
        var empty = Out("empty.db");
        var store = SqliteInvoiceStores.Open($"Data Source={empty}");
        await SqliteInvoiceStores.MigrateAsync(store);
        await ((IAsyncDisposable)store).DisposeAsync();

        var result = await CliRunner.RunAsync("statement", "--customer", Dupont, "--db", empty, "-o", Out("empty.pdf"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --db: the store '{empty}' holds no issued document yet.", result.ErrorLines.Single());
        Assert.False(File.Exists(Out("empty.pdf")));
    }

    [Fact]
    public async Task Statement_MissingOrForeignDatabase_OneErrorLineAndNoFile()
    {
        var foreign = Out("notes.db");
        await File.WriteAllTextAsync(foreign, "these are not invoices, just a text file long enough to be read as a header by SQLite.");

        var missing = await CliRunner.RunAsync("statement", "--customer", Dupont, "--db", Out("nowhere.db"), "-o", Out("a.pdf"));
        var notSqlite = await CliRunner.RunAsync("statement", "--customer", Dupont, "--db", foreign, "-o", Out("b.pdf"));

        Assert.Equal((2, $"error: --db: no database file '{Out("nowhere.db")}'."), (missing.ExitCode, missing.ErrorLines.Single()));
        Assert.Equal((2, "error: the database file is not a SQLite database: give the store an invoicing database file."), (notSqlite.ExitCode, notSqlite.ErrorLines.Single()));
        Assert.False(File.Exists(Out("nowhere.db")));
        Assert.False(File.Exists(Out("a.pdf")) || File.Exists(Out("b.pdf")));
    }

    [Fact]
    public async Task Statement_OutputInAMissingFolder_OneErrorLine()
    {
        var output = Path.Combine(_folder, "no-such-folder", "out.pdf");

        var result = await CliRunner.RunAsync("statement", "--customer", Dupont, "--db", Database, "-o", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --output: no folder '{Path.GetDirectoryName(output)}' to write '{output}' in.", result.ErrorLines.Single());
    }

    [Fact]
    public async Task Statement_ExistingOutputAndAFailedRun_LeavesTheFileAsItWas()
    {
        var output = Out("kept.pdf");
        await File.WriteAllTextAsync(output, "previous statement");

        var result = await CliRunner.RunAsync("statement", "--customer", "Nobody", "--db", Database, "-o", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("previous statement", await File.ReadAllTextAsync(output));
    }

    private string Out(string name) => Path.Combine(_folder, name);

    private static Task<IssuedInvoice> IssueAsync(IInvoiceStore store, string buyer, LocalDate issued, decimal net, string? credits = null) =>
        store.IssueAsync(new IssueRequest
        {
            Document = new Invoice
            {
                Type = credits is null ? DocumentType.Invoice : DocumentType.CreditNote,
                IssueDate = issued,
                DueDate = credits is null ? issued.PlusDays(30) : null,
                Currency = Currency.Eur,
                Seller = new Party { Name = "Atelier Lumière SAS", LegalId = Identifier.Siren("123456782"), VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", PostCode = "69002", CountryCode = "FR" } },
                Buyer = new Party { Name = buyer, Address = new PostalAddress { Line1 = "3 place du Marché", City = "Villeurbanne", PostCode = "69100", CountryCode = "FR" } },
                PrecedingInvoices = credits is null ? [] : [new PrecedingInvoiceReference(credits, issued)],
                Lines = [new InvoiceLine { Id = "1", ItemName = "Luminaire", Quantity = 1, NetPrice = net, VatCategory = VatCategory.S, VatRate = 20m }],
            },
            Series = credits is null ? NumberSeries.DefaultInvoices : NumberSeries.DefaultCreditNotes,
            IssuedAt = issued.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
        });
}
