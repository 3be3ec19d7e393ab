using Invoicing.Core;
using Invoicing.Crm.Connectors.Tests.Support;
using Invoicing.Crm.Tests;
using Invoicing.Storage.Sqlite;
using NodaTime;
using NodaTime.Testing;

namespace Invoicing.Crm.Connectors.Tests.EndToEnd;

/// <summary>
/// Each connector's deals, read from the fake CRM, mapped on the French seller's template the mapping's own tests use, saved as drafts in a SQLite
/// file and issued: every deal whose customer has the data issues and validates without a hand edit, and the deal
/// whose customer has no SIREN is held with the field named.
/// </summary>
public sealed class ConnectorDraftTests : IDisposable
{
        private readonly FakeCrm _crm = new();
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"crm-connectors-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        _crm.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Theory]
    [MemberData(nameof(ConnectorCase.All), MemberType = typeof(ConnectorCase))]
    public async Task Deals_MappedSavedAndIssued_ValidateAndTheOneWithoutSirenIsHeld(ConnectorCase connector)
    {
        connector.StubAll(_crm);
        using var provider = connector.Build(_crm);
        var source = ConnectorCase.Source(provider);
        var mapping = new CrmMapping(CrmFixtures.Template);
        var store = SqliteInvoiceStores.Open($"Data Source={_database}");
        try
        {
            var service = new InvoicingService(store, new FakeClock(Instant.FromUtc(2026, 3, 10, 9, 0)), new InvoicingOptions { TimeZone = "Europe/Paris" });
            var customers = new Dictionary<string, CrmCustomer?>(StringComparer.Ordinal);
            var issued = new List<IssuedInvoice>();
            var held = new List<(CrmDeal Deal, CrmDraftResult Result)>();
            await foreach (var page in source.DealsAsync(null))
            {
                foreach (var deal in page.Items)
                {
                    if (!customers.TryGetValue(deal.CustomerId!, out var customer))
                    {
                        customers[deal.CustomerId!] = customer = await source.GetCustomerAsync(deal.CustomerId!);
                    }

                    var result = mapping.ToDraft(deal, customer, CrmFixtures.Today);
                    if (result.IsHeld)
                    {
                        held.Add((deal, result));
                        continue;
                    }

                    var draftId = await store.SaveDraftAsync(result.Draft!);
                    issued.Add(await service.IssueDraftAsync(draftId));
                }
            }

            Assert.Equal(connector.DealCount - 1, issued.Count);
            Assert.All(issued, invoice => Assert.DoesNotContain(InvoicingService.Validate(invoice.Document).Issues, issue => issue.Severity == ValidationSeverity.Error));
            Assert.All(issued, invoice => Assert.Equal("Boulangerie Dupont & Fils", invoice.Document.Buyer.Name));
            Assert.All(issued, invoice => Assert.Equal("987654324", invoice.Document.Buyer.LegalId?.Value));
            Assert.Equal(issued.Count, issued.Select(invoice => invoice.Number).Distinct().Count());
            var (heldDeal, heldResult) = Assert.Single(held);
            Assert.EndsWith("6" + (connector is SalesforceCase ? "AAA" : string.Empty), heldDeal.Id, StringComparison.Ordinal);
            Assert.Contains(heldResult.Issues, issue => issue.Path == "buyer.legalId");
        }
        finally
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }
    }
}
