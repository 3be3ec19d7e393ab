using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Invoicing.Cli.Tests.Commands;

public sealed class PortalCommandTests : IAsyncLifetime
{
    // Data Protection checks a link's expiry against the real clock, so the command runs at the real time here.
    private static readonly Instant Now = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());

    private readonly string _folder = Directory.CreateTempSubdirectory("invoicing-cli-portal-").FullName;

    private string Database => Path.Combine(_folder, "invoices.db");

    private string Keys => Path.Combine(_folder, "keys");

    public async Task InitializeAsync()
    {
        var store = SqliteInvoiceStores.Open($"Data Source={Database}");
        await store.IssueAsync(new IssueRequest
        {
            Document = new Invoice
            {
                IssueDate = new LocalDate(2026, 11, 2),
                Currency = Currency.Eur,
                Seller = new Party { Name = "Atelier Lumière SAS" },
                Buyer = new Party { Name = "Boulangerie Dupont", Identifiers = [new Identifier("C-001")] },
                Lines = [new InvoiceLine { Id = "1", ItemName = "Suspension laiton", Quantity = 1, NetPrice = 100m, VatCategory = VatCategory.S, VatRate = 20m }],
            },
            Series = NumberSeries.DefaultInvoices,
            IssuedAt = Instant.FromUtc(2026, 11, 2, 9, 0),
        });
        await SqliteInvoiceStores.OpenDunningSettingsStore(store).SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = "C-SETTINGS-ONLY", Language = "fr" });
        await ((IAsyncDisposable)store).DisposeAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Link_KnownCustomer_PrintsALinkTheKeyRingReadsForThatCustomer()
    {
        var result = await RunAsync("portal", "link", "--customer", "C-001", "--db", Database, "--base-url", "https://billing.example.com/portal/", "--keys", Keys, "--lifetime", "2d");

        Assert.Equal(0, result.ExitCode);
        var link = new Uri(Assert.Single(result.OutLines));
        Assert.Equal("https://billing.example.com/portal/redeem", link.GetLeftPart(UriPartial.Path));
        var protector = DataProtectionProvider.Create(new DirectoryInfo(Keys), b => b.SetApplicationName("Invoicing.Portal"))
            .CreateProtector("Invoicing.Portal.MagicLink.v1").ToTimeLimitedDataProtector();
        Assert.Equal("C-001", protector.Unprotect(QueryHelpers.ParseQuery(link.Query)["token"].ToString(), out var expiration));
        Assert.Equal(Now + Duration.FromDays(2), Instant.FromDateTimeOffset(expiration));
    }

    [Fact]
    public async Task Link_CustomerKnownOnlyByDunningSettings_PrintsALink()
    {
        var result = await RunAsync("portal", "link", "--customer", "C-SETTINGS-ONLY", "--db", Database, "--base-url", "https://billing.example.com/portal", "--keys", Keys);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("https://billing.example.com/portal/redeem?token=", Assert.Single(result.OutLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_UnknownCustomer_Exit1NamingTheRuleAndPrintsNoLink()
    {
        var result = await RunAsync("portal", "link", "--customer", "C-404", "--db", Database, "--base-url", "https://billing.example.com/portal/", "--keys", Keys);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("PORTAL-CUSTOMER-UNKNOWN", Assert.Single(result.ErrorLines));
        Assert.Contains("--customer", result.Error);
    }

    [Theory]
    [InlineData("--lifetime", "7w")]
    [InlineData("--lifetime", "0d")]
    [InlineData("--lifetime", "1y")]
    [InlineData("--base-url", "billing.example.com/portal")]
    [InlineData("--base-url", "ftp://billing.example.com/portal/")]
    [InlineData("--base-url", "https://billing.example.com/portal/?x=1")]
    public async Task Link_BadOption_Exit2NamingTheOption(string option, string value)
    {
        var args = new Dictionary<string, string>
        {
            ["--customer"] = "C-001",
            ["--db"] = Database,
            ["--base-url"] = "https://billing.example.com/portal/",
            ["--keys"] = Keys,
            ["--lifetime"] = "7d",
        };
        args[option] = value;

        var result = await RunAsync(["portal", "link", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.StartsWith("error: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Contains(option, result.Error);
    }

    [Fact]
    public async Task Link_LifetimeAboveTheMaximum_Exit1WithTheRule()
    {
        var result = await RunAsync("portal", "link", "--customer", "C-001", "--db", Database, "--base-url", "https://billing.example.com/portal/", "--keys", Keys, "--lifetime", "91d");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PORTAL-LIFETIME", result.Error);
    }

    [Fact]
    public async Task Link_MissingDatabase_Exit2AndCreatesNoFile()
    {
        var missing = Path.Combine(_folder, "missing.db");

        var result = await RunAsync("portal", "link", "--customer", "C-001", "--db", missing, "--base-url", "https://billing.example.com/portal/", "--keys", Keys);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--db", result.Error);
        Assert.False(File.Exists(missing));
    }

    private static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var error = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var exitCode = await CliApp.RunAsync(args, new CliContext(output, error, new NowClock()));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    private sealed class NowClock : IClock
    {
        public Instant GetCurrentInstant() => Now;
    }
}
