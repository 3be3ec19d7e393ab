using System.Globalization;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Invoicing.Core;
using Invoicing.Crm;
using Invoicing.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Invoicing.Benchmarks;

/// <summary>
/// <see cref="CrmSync.RunAsync"/> end to end over 10,000 won deals (500 customers, two lines each) from an in-process
/// fake CRM in pages of 100: map, validate (EN 16931 and French rules), apply each deal to the ledger with its draft in
/// one transaction, store the cursor after each page. On a SQLite file without durable commits, and in memory. Each
/// iteration starts from an empty store, so each is one cold first sync: run it with the monitoring strategy (the
/// command is in docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
public class CrmSyncBenchmarks
{
    private const int Deals = 10_000;
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 10, 9, 0);
    private static readonly FakeCrm Source = new(Deals, 500);
    private CrmSync _sync = null!;
    private IInvoiceStore? _store;
    private string? _folder;

    [IterationSetup(Target = nameof(Sqlite10000Deals))]
    public void SetupSqlite()
    {
        _folder = Directory.CreateTempSubdirectory("invoicing-bench-crm-").FullName;
        _store = SqliteInvoiceStores.Open($"Data Source={Path.Combine(_folder, "invoices.db")}", new SqliteStoreOptions { DurableCommits = false });
        SqliteInvoiceStores.MigrateAsync(_store).GetAwaiter().GetResult();
        _sync = Sync(SqliteInvoiceStores.OpenCrmSyncStore(_store), _store);
    }

    [IterationCleanup(Target = nameof(Sqlite10000Deals))]
    public void CleanupSqlite()
    {
        ((IAsyncDisposable)_store!).DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder!, recursive: true);
    }

    [IterationSetup(Target = nameof(InMemory10000Deals))]
    public void SetupInMemory()
    {
        _store = InvoiceStores.CreateInMemory();
        _sync = Sync(CrmSyncStores.CreateInMemory(_store), _store);
    }

    [Benchmark]
    public Task<CrmSyncReport> Sqlite10000Deals() => RunAsync();

    [Benchmark]
    public Task<CrmSyncReport> InMemory10000Deals() => RunAsync();

    /// <summary>Runs once and checks every deal was drafted: a run that held them all would be fast and wrong.</summary>
    private async Task<CrmSyncReport> RunAsync()
    {
        var report = await _sync.RunAsync(Source);
        return report.Created == Deals ? report : throw new InvalidOperationException($"The sync created {report.Created} drafts, not {Deals}: {report.Entries.FirstOrDefault(e => e.Outcome == CrmSyncOutcome.Held)?.Issues.FirstOrDefault()}");
    }

    private static CrmSync Sync(ICrmSyncStore ledger, IInvoiceStore store)
    {
        var clock = new FixedClock(Now);
        return new CrmSync(ledger, store, new InvoicingService(store, clock), new CrmMapping(Template), clock);
    }

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
        ],
    };

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    /// <summary>A CRM in memory: the deals and customers made once, served in pages of 100 with a position cursor.</summary>
    private sealed class FakeCrm : ICrmSource
    {
        private const int PageSize = 100;
        private readonly CrmCustomer[] _customers;
        private readonly CrmDeal[] _deals;

        public FakeCrm(int deals, int customers)
        {
            _customers = [.. Enumerable.Range(0, customers).Select(c => new CrmCustomer
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"C{c}"),
                ModifiedAt = Now,
                Name = string.Create(CultureInfo.InvariantCulture, $"Client {c} SARL"),
                Siren = "987654324",
                VatId = "FR14987654324",
                Email = "compta@client.example",
                Address = new CrmAddress { Line1 = "3 place du Marché", City = "Villeurbanne", PostCode = "69100", Country = "FR" },
            })];
            _deals = [.. Enumerable.Range(0, deals).Select(d => new CrmDeal
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"D{d}"),
                Version = "1",
                ModifiedAt = Now,
                CustomerId = _customers[d % customers].Id,
                IsWon = true,
                Name = "Affaire",
                Currency = "EUR",
                PaymentDays = 30,
                Lines =
                [
                    new CrmDealLine { Name = "Suspension laiton", Quantity = 4, UnitPrice = 189.90m + d % 100, VatCategory = "S", VatRate = 20m },
                    new CrmDealLine { Name = "Pose", Quantity = 3.5m, UnitPrice = 55m, UnitCode = "HUR" },
                ],
            })];
        }

        public string Name => "bench";

        public IAsyncEnumerable<CrmPage<CrmCustomer>> CustomersAsync(CrmCursor? since, CancellationToken cancellationToken = default) => Pages(_customers, cancellationToken);

        public IAsyncEnumerable<CrmPage<CrmDeal>> DealsAsync(CrmCursor? since, CancellationToken cancellationToken = default) => Pages(_deals, cancellationToken);

        public Task<CrmCustomer?> GetCustomerAsync(string customerId, CancellationToken cancellationToken = default) =>
            Task.FromResult(_customers.FirstOrDefault(c => c.Id == customerId));

        private static async IAsyncEnumerable<CrmPage<T>> Pages<T>(T[] records, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var start = 0; start < records.Length; start += PageSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var end = Math.Min(start + PageSize, records.Length);
                var next = end < records.Length ? new CrmCursor(null, end.ToString(CultureInfo.InvariantCulture)) : new CrmCursor(Now);
                yield return new CrmPage<T>(records[start..end], next);
            }

            await Task.CompletedTask.ConfigureAwait(false);
        }
    }
}
