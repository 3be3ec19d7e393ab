using Invoicing.Core;
using Invoicing.Crm.Connectors.Tests.Support;
using Invoicing.Storage.Sqlite;
using NodaTime;
using NodaTime.Testing;

namespace Invoicing.Crm.Connectors.Tests.EndToEnd;

/// <summary>
/// Each connector's deals, read from the fake CRM, mapped on a French seller's template, saved as drafts in a SQLite
/// file and issued: every deal whose customer has the data issues and validates without a hand edit, and the deal
/// whose customer has no SIREN is held with the field named.
/// </summary>
public sealed class ConnectorDraftTests : IDisposable
{
    private static readonly LocalDate Today = new(2026, 3, 10);
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
        var mapping = new CrmMapping(Template);
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

                    var result = mapping.ToDraft(deal, customer, Today);
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

    /// <summary>A French seller's template with the mandatory mentions (as a host would configure it).</summary>
    private static CrmDraftTemplate Template { get; } = new()
    {
        Seller = new Party
        {
            Name = "Atelier Lumière SAS",
            LegalId = Identifier.Siren("123456782"),
            VatId = "FR11123456782",
            Address = new PostalAddress { Line1 = "12 rue de la République", City = "Lyon", PostCode = "69002", CountryCode = "FR" },
            ElectronicAddress = new Identifier("123456782", "0225"),
        },
        BusinessProcessType = FrenchBillingMode.M1,
        Notes =
        [
            new InvoiceNote("En cas de retard de paiement, pénalités au taux de la BCE majoré de 10 points.", InvoiceNote.LatePaymentPenalties),
            new InvoiceNote("Indemnité forfaitaire pour frais de recouvrement : 40 EUR.", InvoiceNote.RecoveryIndemnity),
            new InvoiceNote("Pas d'escompte pour paiement anticipé.", InvoiceNote.EarlyPaymentDiscount),
        ],
        PaymentInstructions = new PaymentInstructions
        {
            MeansCode = PaymentInstructions.SepaCreditTransfer,
            CreditTransfers = [new CreditTransfer("FR7630006000011234567890189", "Atelier Lumière SAS")],
        },
    };
}
