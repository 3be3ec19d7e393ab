using System.Globalization;
using System.Text;
using Invoicing.Core;
using Invoicing.Crm;
using Invoicing.Crm.Csv;
using Invoicing.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Invoicing.Cli.Tests.Commands;

/// <summary>
/// <c>invoicing crm sync</c> as a real process over files standing in for a CRM, killed with SIGKILL at random moments
/// round after round while deals change and some drafts are issued between rounds, then a last run: every deal has
/// exactly one draft or one invoice, drafts carry the deal's latest version, and no issued deal was invoiced again.
/// </summary>
public sealed class CrmCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Deals = 400;
    private const int Customers = 40;
    private const int Rounds = 8;
    private readonly string _folder = Directory.CreateTempSubdirectory("invoicing-crm-crash-").FullName;
    private readonly decimal[] _prices = [.. Enumerable.Range(0, Deals).Select(i => 100m + i)];

    private string Database => Path.Combine(_folder, "invoices.db");

    private string CustomersFile => Path.Combine(_folder, "customers.csv");

    private string LinesFile => Path.Combine(_folder, "lines.csv");

    private static string Template => Path.Combine(TestPaths.RepositoryRoot, "tests", "Invoicing.Cli.Tests", "Data", "crm", "template.json");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Sync_KilledAtRandomMoments_EveryDealExactlyOnce()
    {
        var random = new Random(20261208);
        await WriteCustomersAsync();
        var issuedDeals = new HashSet<int>();
        var killedMidRun = 0;
        var fullRun = await TimeFullRunAsync();
        for (var round = 1; round <= Rounds; round++)
        {
            // Between rounds the CRM changes: some deals get a new price (issued ones too: those must be reported, not re-invoiced).
            if (round > 1)
            {
                foreach (var deal in Enumerable.Range(0, 40).Select(_ => random.Next(Deals)))
                {
                    _prices[deal] += 1m;
                }
            }

            await WriteLinesAsync();
            // Kill moments are drawn within what a whole run takes on this machine, so that rounds are cut short on a fast
            // machine as on a loaded one (a fixed window let a fast machine finish every round before the kill).
            var killed = await RunAndKillAsync(fullRun * (0.2 + (0.75 * random.NextDouble())), Database);
            var current = await CountCurrentAsync();
            killedMidRun += killed && current < Deals ? 1 : 0;
            issuedDeals.UnionWith(await IssueSomeAsync(random, 10));
            output.WriteLine($"round {round}: killed {killed}, {current} of {Deals} deals at their current version");
        }

        var last = await CliRunner.RunAsync("crm", "sync", "--source", "csv", "--customers", CustomersFile, "--lines", LinesFile, "--db", Database, "--template", Template);
        Assert.True(last.ExitCode is 0 or 1, last.Error);
        Assert.True(killedMidRun > 0, "no child was killed while it was working");

        var store = SqliteInvoiceStores.Open($"Data Source={Database}");
        await using var close = (IAsyncDisposable)store;
        var ledger = SqliteInvoiceStores.OpenCrmSyncStore(store);
        var invoices = new List<IssuedInvoice>();
        await foreach (var account in store.QueryAsync(InvoiceQuery.All))
        {
            invoices.Add(account.Invoice);
        }

        var invoicesByDeal = invoices.GroupBy(i => i.Document.SalesOrderReference!).ToDictionary(g => g.Key, g => g.Count());
        for (var i = 0; i < Deals; i++)
        {
            var id = DealId(i);
            var draft = await store.GetDraftAsync(CrmSyncRules.DraftIdOf("csv", id));
            var issuedCount = invoicesByDeal.GetValueOrDefault(id);
            Assert.Equal(1, (draft is null ? 0 : 1) + issuedCount);
            Assert.Equal(issuedDeals.Contains(i), issuedCount == 1);
            if (draft is not null)
            {
                Assert.Equal(_prices[i], draft.Lines[0].NetPrice);
            }

            // A deal issued and changed since is Reported; issued and unchanged stays Drafted (its draft gone).
            var row = (await ledger.GetAsync("csv", id))!;
            Assert.True(row.State == CrmSyncState.Drafted || (row.State == CrmSyncState.Reported && issuedCount == 1), $"{id}: {row.State}");
        }

        Assert.Equal(Deals - issuedDeals.Count, await CountDraftsAsync());
        Assert.Equal(invoices.Count, invoices.Select(i => i.Number).Distinct().Count());
        Assert.True((await store.VerifyArchiveAsync()).IsIntact);
        output.WriteLine($"{invoices.Count} invoices and {Deals - issuedDeals.Count} drafts for {Deals} deals, {killedMidRun} rounds killed mid-run");
    }

    private static string DealId(int i) => string.Create(CultureInfo.InvariantCulture, $"D-{i:0000}");

    private async Task WriteCustomersAsync()
    {
        var text = new StringBuilder("id;name;siren;vat_id;address_line1;city;post_code;country\n");
        for (var c = 0; c < Customers; c++)
        {
            text.Append(CultureInfo.InvariantCulture, $"C{c};Client {c} SARL;987654324;FR14987654324;{c} rue du Port;Lyon;69002;FR\n");
        }

        await File.WriteAllTextAsync(CustomersFile, text.ToString());
    }

    /// <summary>Written beside and moved over the old file, so a child never reads half a file.</summary>
    private async Task WriteLinesAsync()
    {
        var text = new StringBuilder("deal_id;customer_id;deal_name;item;quantity;unit_price;vat_rate\n");
        for (var i = 0; i < Deals; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{DealId(i)};C{i % Customers};Affaire {i};Prestation;1;{_prices[i].ToString(CultureInfo.InvariantCulture).Replace('.', ',')};20\n");
            text.Append(CultureInfo.InvariantCulture, $"{DealId(i)};C{i % Customers};Affaire {i};Déplacement;2;45,50;20\n");
        }

        var temporary = LinesFile + ".new";
        await File.WriteAllTextAsync(temporary, text.ToString());
        File.Move(temporary, LinesFile, overwrite: true);
    }

    /// <summary>Deals whose ledger row has the version the file now gives.</summary>
    private async Task<int> CountCurrentAsync()
    {
        var source = CsvCrmSource.Load(CustomersFile, LinesFile).Source!;
        var store = SqliteInvoiceStores.Open($"Data Source={Database}");
        await using var close = (IAsyncDisposable)store;
        var ledger = SqliteInvoiceStores.OpenCrmSyncStore(store);
        var versions = await ledger.ListAsync("csv").ToDictionaryAsync(r => r.RecordId, r => r.Version);
        return source.Deals.Count(d => versions.GetValueOrDefault(d.Id) == d.Version);
    }

    /// <summary>Issues a few drafts, as the host would between syncs; returns their deals.</summary>
    private async Task<List<int>> IssueSomeAsync(Random random, int count)
    {
        var issued = new List<int>();
        var store = SqliteInvoiceStores.Open($"Data Source={Database}");
        await using var close = (IAsyncDisposable)store;
        var invoicing = new InvoicingService(store, NodaTime.SystemClock.Instance);
        foreach (var deal in Enumerable.Range(0, count).Select(_ => random.Next(Deals)).Distinct())
        {
            var draftId = CrmSyncRules.DraftIdOf("csv", DealId(deal));
            if (await store.GetDraftAsync(draftId) is not null)
            {
                await invoicing.IssueDraftAsync(draftId);
                issued.Add(deal);
            }
        }

        return issued;
    }

    private async Task<long> CountDraftsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM drafts";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Starts <c>invoicing crm sync</c>, kills it with SIGKILL after <paramref name="after"/>; true when it was still running.</summary>
    private Task<bool> RunAndKillAsync(TimeSpan after, string database) =>
        KilledChild.RunAndKillAsync(["crm", "sync", "--source", "csv", "--customers", CustomersFile, "--lines", LinesFile, "--db", database, "--template", Template], after, code => code is 0 or 1);

    /// <summary>How long a whole first sync of the deals takes here, process start included, on a database of its own.</summary>
    private async Task<TimeSpan> TimeFullRunAsync()
    {
        await WriteLinesAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var killed = await RunAndKillAsync(TimeSpan.FromMinutes(5), Path.Combine(_folder, "calibration.db"));
        Assert.False(killed, "the calibration run did not end within five minutes");
        output.WriteLine($"a whole run takes {clock.Elapsed.TotalMilliseconds:F0} ms");
        return clock.Elapsed;
    }
}
