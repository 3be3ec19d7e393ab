using Invoicing.Core;
using Invoicing.Storage.Sqlite;
using NodaTime;
using NodaTime.Testing;

namespace Invoicing.Payments.Tests;

/// <summary>Invoices issued into a real SQLite store in a temporary file, and payment reports for them.</summary>
internal sealed class PaymentFixtures : IAsyncDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 2, 9, 0);

    private readonly string _directory = Directory.CreateTempSubdirectory("invoicing-payments-").FullName;

    public PaymentFixtures()
    {
        Clock = new FakeClock(Start);
        Store = SqliteInvoiceStores.Open($"Data Source={Path.Combine(_directory, "invoices.db")}", new SqliteStoreOptions { Clock = Clock, DurableCommits = false });
        Recorder = new PaymentRecorder(Store, DateTimeZoneProviders.Tzdb["Europe/Paris"]);
    }

    public FakeClock Clock { get; }

    public IInvoiceStore Store { get; }

    public PaymentRecorder Recorder { get; }

    public static Invoice Draft(decimal netPrice = 100m, Currency? currency = null) => new()
    {
        IssueDate = new LocalDate(2026, 11, 2),
        DueDate = new LocalDate(2026, 12, 2),
        Currency = currency ?? Currency.Eur,
        Seller = new Party { Name = "Atelier Lumière SAS", LegalId = Identifier.Siren("123456782"), VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", PostCode = "69002", CountryCode = "FR" } },
        Buyer = new Party { Name = "Client", LegalId = Identifier.Siren("987654324"), Address = new PostalAddress { City = "Villeurbanne", PostCode = "69100", CountryCode = "FR" } },
        Lines = [new InvoiceLine { Id = "1", ItemName = "Suspension laiton", Quantity = 1, NetPrice = netPrice, VatCategory = VatCategory.S, VatRate = 20m }],
    };

    /// <summary>Issues an invoice of 120.00 EUR (100 + 20 % VAT) unless told otherwise.</summary>
    public async Task<IssuedInvoice> IssueAsync(decimal netPrice = 100m, Currency? currency = null) =>
        await Store.IssueAsync(new IssueRequest { Document = Draft(netPrice, currency), Series = NumberSeries.DefaultInvoices, IssuedAt = Start });

    public async Task<IssuedInvoice> CreditInFullAsync(IssuedInvoice original) =>
        await Store.IssueAsync(new IssueRequest { Document = CreditNotes.Full(original, original.Document.IssueDate, "Commande annulée"), Series = NumberSeries.DefaultCreditNotes, IssuedAt = Start });

    public static PaymentReceived Report(string invoiceNumber, decimal amount, string paymentId = "pi_1", string eventId = "evt_1", Currency? currency = null) =>
        new("stripe", eventId, paymentId, invoiceNumber, amount, currency ?? Currency.Eur, Start.Plus(Duration.FromHours(1)));

    public async Task<InvoiceAccount> AccountAsync(string number) => (await Store.GetAccountAsync(number))!;

    public async ValueTask DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
