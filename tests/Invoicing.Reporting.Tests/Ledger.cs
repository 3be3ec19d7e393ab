using System.Globalization;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Reporting.Tests;

/// <summary>Builds issued invoices with their payments: zero-rated single-line invoices, so the amount due is the line amount.</summary>
internal static class Ledger
{
    public static readonly LocalDate AsOf = new(2026, 11, 28);

    private static readonly Party Seller = new() { Name = "Atelier Lumière SAS", VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", PostCode = "69002", CountryCode = "FR" } };
    private static int _sequence;

    public static InvoiceAccount Invoice(string customer, LocalDate due, decimal amount, Currency? currency = null, LocalDate? issued = null, params (LocalDate Date, decimal Amount)[] payments) =>
        Account(customer, due, amount, currency ?? Currency.Eur, issued ?? due.PlusDays(-30), DocumentType.Invoice, payments);

    public static InvoiceAccount CreditNote(string customer, LocalDate issued, decimal amount) =>
        Account(customer, issued, amount, Currency.Eur, issued, DocumentType.CreditNote, []);

    public static InvoiceAccount Account(string customer, LocalDate due, decimal amount, Currency currency, LocalDate issued, DocumentType type, (LocalDate Date, decimal Amount)[] payments)
    {
        var number = string.Create(CultureInfo.InvariantCulture, $"F-{Interlocked.Increment(ref _sequence):000000}");
        var document = new Invoice
        {
            Number = number,
            Type = type,
            IssueDate = issued,
            DueDate = type == DocumentType.CreditNote ? null : due,
            Currency = currency,
            Seller = Seller,
            Buyer = new Party { Name = customer },
            Lines = [new InvoiceLine { Id = "1", ItemName = "Service", Quantity = 1, NetPrice = amount, VatCategory = VatCategory.Z, VatRate = 0m }],
        };
        return new InvoiceAccount
        {
            Invoice = new IssuedInvoice
            {
                Document = document,
                Totals = new InvoiceTotals { LineNetTotal = amount, TaxExclusiveAmount = amount, VatTotal = 0m, TaxInclusiveAmount = amount, AmountDue = amount, VatBreakdown = ValueList<VatBreakdown>.Empty, LineNetAmounts = ValueList.Create([amount]) },
                SeriesId = "invoices",
                Sequence = _sequence,
                IssuedAt = Instant.FromUtc(issued.Year, issued.Month, issued.Day, 9, 0),
                PreviousHash = new string('0', 64),
                Hash = new string('a', 64),
            },
            Payments = payments.Select(p => new Payment(Guid.NewGuid(), number, p.Date, p.Amount, PaymentMethod.CreditTransfer)).ToValueList(),
        };
    }

    public static async IAsyncEnumerable<InvoiceAccount> Stream(IEnumerable<InvoiceAccount> accounts)
    {
        foreach (var account in accounts)
        {
            await Task.Yield();
            yield return account;
        }
    }
}
