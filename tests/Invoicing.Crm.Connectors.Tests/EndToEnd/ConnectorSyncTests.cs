using Invoicing.Core;
using Invoicing.Crm.Connectors.Tests.Support;
using Invoicing.Crm.Tests;
using Invoicing.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Testing;

namespace Invoicing.Crm.Connectors.Tests.EndToEnd;

/// <summary>
/// Each connector's deals, read from the fake CRM, through the real <see cref="CrmSync"/> into a SQLite file on the
/// French seller's template the mapping's own tests use: the first run drafts every deal whose customer has the data
/// and holds the one whose customer has no SIREN, naming the field; a second run creates nothing; every draft issues
/// and validates without a hand edit.
/// </summary>
public sealed class ConnectorSyncTests : IDisposable
{
    private readonly FakeCrm _crm = new();
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"crm-connectors-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        _crm.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task Sync_TwiceThenIssued_DraftsOnceHoldsTheDealWithoutSirenAndEveryDraftValidates(ConnectorCase connector)
    {
        connector.StubAll(_crm);
        using var provider = connector.Build(_crm);
        var source = ConnectorCase.Source(provider);
        var store = SqliteInvoiceStores.Open($"Data Source={_database}");
        try
        {
            var clock = new FakeClock(Instant.FromUtc(2026, 3, 10, 9, 0));
            var service = new InvoicingService(store, clock, new InvoicingOptions { TimeZone = "Europe/Paris" });
            var sync = new CrmSync(SqliteInvoiceStores.OpenCrmSyncStore(store), store, service, new CrmMapping(CrmFixtures.Template), clock);

            var first = await sync.RunAsync(source);
            var second = await sync.RunAsync(source);
            var full = await sync.RunAsync(source, new CrmSyncRunOptions { FullResync = true });

            Assert.Equal((connector.DealCount - 1, 1), (first.Created, first.Held));
            var held = Assert.Single(first.Entries, entry => entry.Outcome == CrmSyncOutcome.Held);
            Assert.EndsWith("6" + (connector is SalesforceCase ? "AAA" : string.Empty), held.DealId, StringComparison.Ordinal);
            Assert.Contains(held.Issues, issue => issue.RuleId == "CRM-CUSTOMER-SIREN" && issue.Path == "customer.siren");
            Assert.Null(held.DraftId);
            Assert.All([second, full], run => Assert.Equal((0, 0), (run.Created, run.Updated)));
            Assert.Equal(connector.DealCount - 1, await DraftCountAsync());

            var issued = new List<IssuedInvoice>();
            foreach (var entry in first.Entries.Where(entry => entry.Outcome == CrmSyncOutcome.Created))
            {
                issued.Add(await service.IssueDraftAsync(entry.DraftId!.Value));
            }

            Assert.All(issued, invoice => Assert.DoesNotContain(InvoicingService.Validate(invoice.Document).Issues, issue => issue.Severity == ValidationSeverity.Error));
            Assert.All(issued, invoice => Assert.Equal("Boulangerie Dupont & Fils", invoice.Document.Buyer.Name));
            Assert.All(issued, invoice => Assert.Equal("987654324", invoice.Document.Buyer.LegalId?.Value));
            Assert.Equal(issued.Count, issued.Select(invoice => invoice.Number).Distinct().Count());
        }
        finally
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }
    }

    /// <summary>The drafts in the file, counted by SQL so a duplicate the sync's own report missed would show.</summary>
    private async Task<long> DraftCountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM drafts";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
