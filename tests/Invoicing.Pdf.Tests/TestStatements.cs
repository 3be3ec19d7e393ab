using Invoicing.Core;
using Invoicing.Reporting;
using NodaTime;

namespace Invoicing.Pdf.Tests;

/// <summary>Statements of the sample's buyer, from documents issued, paid and credited through an in-memory store.</summary>
internal static class TestStatements
{
    public static readonly LocalDate AsOf = new(2026, 11, 28);

    /// <summary>The sample's customer (its buyer's SIREN).</summary>
    public static string CustomerKey => TestInvoices.Sample().CustomerKey;

    /// <summary>
    /// Four invoices of 100.00 + 10.00 x i (zero-rated) issued a month apart from 2026-07-01, each due 30 days later:
    /// the first paid in full on its due date, the second credited 30.00 on 2026-09-10, the third paid 50.00 on 2026-10-15;
    /// with <paramref name="dollarInvoice"/>, one more of 99.99 USD issued 2026-11-02.
    /// </summary>
    public static async Task<StatementOfAccount> SmallAsync(LocalDate? from = null, bool dollarInvoice = false)
    {
        var store = InvoiceStores.CreateInMemory();
        var numbers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            numbers.Add((await IssueAsync(store, new LocalDate(2026, 7, 1).PlusMonths(i), 100m + (10m * i))).Number);
        }

        await PayAsync(store, numbers[0], new LocalDate(2026, 7, 31), 100m, "VIR 0731");
        await IssueAsync(store, new LocalDate(2026, 9, 10), 30m, DocumentType.CreditNote, numbers[1]);
        await PayAsync(store, numbers[2], new LocalDate(2026, 10, 15), 50m, null);
        if (dollarInvoice)
        {
            await IssueAsync(store, new LocalDate(2026, 11, 2), 99.99m, currency: Currency.Usd);
        }

        return await Statements.BuildAsync(store, new StatementRequest(CustomerKey, AsOf) { From = from });
    }

    /// <summary><paramref name="count"/> unpaid invoices, one a day from 2026-01-05, of 1,000.00 + i.</summary>
    public static async Task<StatementOfAccount> LongAsync(int count)
    {
        var store = InvoiceStores.CreateInMemory();
        for (var i = 0; i < count; i++)
        {
            await IssueAsync(store, new LocalDate(2026, 1, 5).PlusDays(i), 1_000m + i);
        }

        return await Statements.BuildAsync(store, new StatementRequest(CustomerKey, AsOf));
    }

    private static Task<InvoiceAccount> PayAsync(IInvoiceStore store, string number, LocalDate date, decimal amount, string? reference) =>
        store.RecordPaymentAsync(new Payment(Guid.NewGuid(), number, date, amount, PaymentMethod.CreditTransfer, reference));

    private static Task<IssuedInvoice> IssueAsync(IInvoiceStore store, LocalDate issued, decimal net, DocumentType type = DocumentType.Invoice, string? credits = null, Currency? currency = null)
    {
        var sample = TestInvoices.Sample();
        var document = sample with
        {
            Number = null,
            Type = type,
            IssueDate = issued,
            DueDate = type == DocumentType.CreditNote ? null : issued.PlusDays(30),
            Currency = currency ?? Currency.Eur,
            PaymentInstructions = null,
            AllowancesCharges = [],
            PrecedingInvoices = credits is null ? [] : [new PrecedingInvoiceReference(credits, issued)],
            Lines = [sample.Lines[0] with { Quantity = 1, NetPrice = net, VatCategory = VatCategory.Z, VatRate = 0m }],
        };
        return store.IssueAsync(new IssueRequest
        {
            Document = document,
            Series = type == DocumentType.CreditNote ? NumberSeries.DefaultCreditNotes : NumberSeries.DefaultInvoices,
            IssuedAt = issued.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
        });
    }
}
