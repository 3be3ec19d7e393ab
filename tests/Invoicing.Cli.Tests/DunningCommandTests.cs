using System.Text.Json;
using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using NodaTime;

namespace Invoicing.Cli.Tests;

public sealed class DunningCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "invoicing-dunning-" + Guid.NewGuid().ToString("N"));

    private readonly Dictionary<string, string> _numbers = new(StringComparer.Ordinal);

    private string Database => Path.Combine(_folder, "invoices.db");

    private string Pickup => Path.Combine(_folder, "pickup");

    private string[] Mails => Directory.Exists(Pickup) ? Directory.GetFiles(Pickup, "*.eml") : [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var store = SqliteInvoiceStores.Open($"Data Source={Database}");
        try
        {
            // On 2026-12-15 (a Tuesday): "late" is 4 days past due (its +3 step is the latest due), "soon" is due in 7 days
            // (its -7 step is due), "later" is due on 2026-12-31, "paid" is late but settled. Issued in date order.
            var paid = await IssueAsync(store, "Hôtel du Parc", "compta@parc.example", new LocalDate(2026, 12, 1), 400m);
            await store.RecordPaymentAsync(new Payment(Guid.NewGuid(), paid.Number, new LocalDate(2026, 12, 2), 480m, PaymentMethod.CreditTransfer));
            _numbers["late"] = (await IssueAsync(store, "Boulangerie Dupont", "compta@dupont.example", new LocalDate(2026, 12, 11), 1_000m)).Number;
            _numbers["soon"] = (await IssueAsync(store, "Garage Martin", "factures@martin.example", new LocalDate(2026, 12, 22), 250m)).Number;
            _numbers["later"] = (await IssueAsync(store, "Café Central", "compta@central.example", new LocalDate(2026, 12, 31), 80m)).Number;
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
    public async Task DunningScheduleJson_DueDate_PrintsTheDefaultPolicyCalendar()
    {
        var result = await CliRunner.RunAsync("dunning", "schedule", "--due", "2026-12-15", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.EnumerateArray().ToArray();
        (string Date, int Offset, string Level)[] expected =
        [
            ("2026-12-08", -7, "friendly"),
            ("2026-12-15", 0, "friendly"),
            ("2026-12-18", 3, "firm"),
            ("2026-12-21", 6, "firm"),
            ("2026-12-28", 13, "firm"),
            ("2027-01-04", 20, "firm"),
            ("2027-01-11", 27, "firm"),
            ("2027-01-18", 34, "formal-notice"),
            ("2027-01-25", 41, "formal-notice"),
            ("2027-02-01", 48, "formal-notice"),
            ("2027-02-08", 55, "formal-notice"),
            ("2027-02-15", 62, "formal-notice"),
        ];
        Assert.Equal(expected, rows.Select(r => (r.GetProperty("date").GetString()!, r.GetProperty("offset").GetInt32(), r.GetProperty("level").GetString()!)));
        Assert.All(rows, r => Assert.Equal(["date", "offset", "level"], r.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task DunningSchedule_Text_PrintsOneLinePerStepWithTheSameCalendarAsJson()
    {
        var text = await CliRunner.RunAsync("dunning", "schedule", "--due", "2026-12-15");
        var json = await CliRunner.RunAsync("dunning", "schedule", "--due", "2026-12-15", "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Equal("date        offset  level", text.OutLines[0]);
        using var document = JsonDocument.Parse(json.Out);
        var fromJson = document.RootElement.EnumerateArray()
            .Select(r => $"{r.GetProperty("date").GetString()} {r.GetProperty("offset").GetInt32()} {r.GetProperty("level").GetString()}");
        var fromText = text.OutLines.Skip(1).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(fromJson, fromText);
    }

    [Fact]
    public async Task DunningSchedule_FormalNoticeAndMaxDay_MovesTheFormalNoticeAndEndsTheTail()
    {
        var result = await CliRunner.RunAsync("dunning", "schedule", "--due", "2026-12-15", "--json", "--formal-notice-day", "20", "--max-day", "27");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.EnumerateArray().Select(r => (r.GetProperty("offset").GetInt32(), r.GetProperty("level").GetString())).ToArray();
        Assert.Equal([(-7, "friendly"), (0, "friendly"), (3, "firm"), (6, "firm"), (13, "firm"), (20, "formal-notice"), (27, "formal-notice")], rows);
    }

    [Fact]
    public async Task DunningPlanJson_AsOf_ListsTheLatestDueStepOfEachOpenInvoice()
    {
        var result = await CliRunner.RunAsync("dunning", "plan", "--db", Database, "--as-of", "2026-12-15", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.EnumerateArray()
            .Select(r => (r.GetProperty("invoice").GetString()!, r.GetProperty("step").GetString()!, r.GetProperty("level").GetString()!, r.GetProperty("amountDue").GetDecimal()))
            .OrderBy(r => r.Item1, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            new[] { (_numbers["late"], "d+3", "firm", 1_200m), (_numbers["soon"], "d-7", "friendly", 300m) }.OrderBy(r => r.Item1, StringComparer.Ordinal),
            rows);
    }

    [Fact]
    public async Task DunningPlan_Text_CountsTheDueReminders()
    {
        var result = await CliRunner.RunAsync("dunning", "plan", "--db", Database, "--as-of", "2026-12-15");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("reminders due on 2026-12-15: 2", result.OutLines[0]);
        Assert.Contains(result.OutLines, l => l.StartsWith(_numbers["late"], StringComparison.Ordinal) && l.Contains("d+3", StringComparison.Ordinal) && l.Contains("1200.00 EUR", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DunningRun_TwiceTheSameDay_WritesEachReminderOnce()
    {
        var first = await CliRunner.RunAsync("dunning", "run", "--db", Database, "--pickup", Pickup, "--as-of", "2026-12-15", "--from", "relances@atelier.example");
        var second = await CliRunner.RunAsync("dunning", "run", "--db", Database, "--pickup", Pickup, "--as-of", "2026-12-15", "--from", "relances@atelier.example");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("sent 2, resumed 0, to retry 0, failed 0 (planned 2)", first.OutLines.Single());
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("sent 0, resumed 0, to retry 0, failed 0 (planned 0)", second.OutLines.Single());
        var mails = Mails.Select(File.ReadAllText).ToArray();
        Assert.Equal(2, mails.Length);
        Assert.Single(mails, m => m.Contains("To: compta@dupont.example", StringComparison.Ordinal) && m.Contains(_numbers["late"], StringComparison.Ordinal));
        Assert.Single(mails, m => m.Contains("To: factures@martin.example", StringComparison.Ordinal) && m.Contains(_numbers["soon"], StringComparison.Ordinal));
        Assert.All(mails, m => Assert.Contains("From: relances@atelier.example", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DunningRun_OnALaterDay_SendsOnlyTheNewStepAndPlanShowsNothingLeft()
    {
        await CliRunner.RunAsync("dunning", "run", "--db", Database, "--pickup", Pickup, "--as-of", "2026-12-15");

        var later = await CliRunner.RunAsync("dunning", "run", "--db", Database, "--pickup", Pickup, "--as-of", "2026-12-17");
        var plan = await CliRunner.RunAsync("dunning", "plan", "--db", Database, "--as-of", "2026-12-17", "--json");

        Assert.Equal(0, later.ExitCode);
        Assert.Equal("sent 1, resumed 0, to retry 0, failed 0 (planned 1)", later.OutLines.Single());
        Assert.Equal(3, Mails.Length);
        Assert.Equal(2, Mails.Count(m => File.ReadAllText(m).Contains(_numbers["late"], StringComparison.Ordinal)));
        Assert.Equal(0, plan.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(plan.Out).RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("schedule", "--due", "2026-13-15", "'2026-13-15' is not a date (yyyy-MM-dd). (at --due)")]
    [InlineData("schedule", "--due", "15/12/2026", "'15/12/2026' is not a date (yyyy-MM-dd). (at --due)")]
    [InlineData("schedule", "--due", "", "'' is not a date (yyyy-MM-dd). (at --due)")]
    public async Task DunningSchedule_BadDate_ExitsTwoNamingTheOption(string command, string option, string value, string message)
    {
        var result = await CliRunner.RunAsync("dunning", command, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: " + message, result.ErrorLines.Single());
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("run")]
    public async Task DunningPlanOrRun_BadAsOf_ExitsTwoNamingTheOption(string command)
    {
        var result = await CliRunner.RunAsync([.. Command(command, Database), "--as-of", "2026-02-30"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: '2026-02-30' is not a date (yyyy-MM-dd). (at --as-of)", result.ErrorLines.Single());
        Assert.Empty(Mails);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("run")]
    public async Task DunningPlanOrRun_MissingDatabase_ExitsTwoNamingTheFile(string command)
    {
        var missing = Path.Combine(_folder, "missing.db");

        var result = await CliRunner.RunAsync([.. Command(command, missing), "--as-of", "2026-12-15"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: No database file '{missing}'. (at --db)", result.ErrorLines.Single());
        Assert.False(File.Exists(missing));
    }

    [Theory]
    [InlineData("schedule", "--due", "2026-12-15", "--bogus")]
    [InlineData("plan", "--db", "x.db", "--verbose")]
    [InlineData("run", "--db", "x.db", "--pickup", "out", "--smtp")]
    public async Task Dunning_UnknownOption_ExitsTwoNamingIt(params string[] args)
    {
        var result = await CliRunner.RunAsync(["dunning", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: Unrecognized command or argument '{args[^1]}'.", result.ErrorLines.Single());
    }

    [Theory]
    [InlineData("Option '--due' is required.", "schedule")]
    [InlineData("Option '--db' is required.", "plan", "--as-of", "2026-12-15")]
    [InlineData("Option '--pickup' is required.", "run", "--db", "x.db")]
    public async Task Dunning_MissingRequiredOption_ExitsTwoNamingIt(string message, params string[] args)
    {
        var result = await CliRunner.RunAsync(["dunning", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: " + message, result.ErrorLines.Single());
    }

    [Fact]
    public async Task DunningRun_BadFromAddress_ExitsTwoAndWritesNothing()
    {
        var result = await CliRunner.RunAsync("dunning", "run", "--db", Database, "--pickup", Pickup, "--as-of", "2026-12-15", "--from", "not an address");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: 'not an address' is not a mail address.", result.ErrorLines.Single(), StringComparison.Ordinal);
        Assert.Contains("from", result.Error, StringComparison.Ordinal);
        Assert.Empty(Mails);
    }

    [Fact]
    public async Task DunningPlanAndRun_DisputedInvoiceAndOptedOutCustomer_AreSkipped()
    {
        var store = SqliteInvoiceStores.Open($"Data Source={Database}");
        try
        {
            var settings = SqliteInvoiceStores.OpenDunningSettingsStore(store);
            await settings.SaveInvoiceAsync(new DunningInvoiceSettings { InvoiceNumber = _numbers["late"], Disputed = true });
            var soon = (await store.GetAsync(_numbers["soon"]))!;
            await settings.SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = soon.Document.CustomerKey, OptedOut = true });
        }
        finally
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }

        var plan = await CliRunner.RunAsync("dunning", "plan", "--db", Database, "--as-of", "2026-12-15", "--json");
        var run = await CliRunner.RunAsync("dunning", "run", "--db", Database, "--pickup", Pickup, "--as-of", "2026-12-15");

        Assert.Equal(0, plan.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(plan.Out).RootElement.GetArrayLength());
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("sent 0, resumed 0, to retry 0, failed 0 (planned 0)", run.OutLines.Single());
        Assert.Empty(Mails);
    }

    [Fact]
    public async Task DunningRun_PickupFolderNotWritable_ExitsOneAndTheNextRunAfterTheBackoffSendsEachOnce()
    {
        await File.WriteAllTextAsync(Pickup, "a file where the folder should be");

        var failed = await CliRunner.RunAsync("dunning", "run", "--db", Database, "--pickup", Pickup, "--as-of", "2026-12-15");
        File.Delete(Pickup);
        var retried = await CliRunner.RunAsync("dunning", "run", "--db", Database, "--pickup", Pickup, "--as-of", "2026-12-16");

        Assert.Equal(1, failed.ExitCode);
        Assert.Equal("sent 0, resumed 0, to retry 2, failed 0 (planned 2)", failed.OutLines.Single());
        Assert.Equal(0, retried.ExitCode);
        Assert.Equal("sent 2, resumed 2, to retry 0, failed 0 (planned 0)", retried.OutLines.Single());
        Assert.Equal(2, Mails.Length);
    }

    /// <summary>The arguments of <c>dunning plan</c> or <c>dunning run</c> over a database, with the pickup folder that run requires.</summary>
    private string[] Command(string command, string database) => command == "run"
        ? ["dunning", "run", "--db", database, "--pickup", Pickup]
        : ["dunning", command, "--db", database];

    private static Task<IssuedInvoice> IssueAsync(IInvoiceStore store, string buyer, string email, LocalDate due, decimal net) =>
        store.IssueAsync(new IssueRequest
        {
            Document = new Invoice
            {
                IssueDate = due.PlusDays(-30),
                DueDate = due,
                Currency = Currency.Eur,
                Seller = new Party { Name = "Atelier Lumière SAS", LegalId = Identifier.Siren("123456782"), VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", PostCode = "69002", CountryCode = "FR" } },
                Buyer = new Party { Name = buyer, Contact = new Contact { Email = email }, Address = new PostalAddress { City = "Lyon", PostCode = "69001", CountryCode = "FR" } },
                Lines = [new InvoiceLine { Id = "1", ItemName = "Luminaire", Quantity = 1, NetPrice = net, VatCategory = VatCategory.S, VatRate = 20m }],
            },
            Series = NumberSeries.DefaultInvoices,
            IssuedAt = due.PlusDays(-30).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
        });
}
