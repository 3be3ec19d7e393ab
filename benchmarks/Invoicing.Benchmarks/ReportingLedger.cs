using System.Globalization;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Benchmarks;

/// <summary>Distinct accounts for the reporting benchmarks: customers, currencies, due dates and payments spread out.</summary>
internal static class ReportingLedger
{
    public static InvoiceAccount[] Create(int count, LocalDate asOf)
    {
        var seller = new Party { Name = "Atelier Lumière SAS", VatId = "FR11123456782" };
        var customers = Enumerable.Range(0, 500).Select(i => new Party { Name = $"Customer {i:000}", Identifiers = [new Identifier(string.Create(CultureInfo.InvariantCulture, $"C{i:000}"))] }).ToArray();
        var accounts = new InvoiceAccount[count];
        for (var i = 0; i < count; i++)
        {
            var amount = 100m + (i * 37 % 5_000);
            var due = asOf.PlusDays((i * 7 % 400) - 300);
            var currency = i % 10 == 0 ? Currency.Usd : Currency.Eur;
            var number = string.Create(CultureInfo.InvariantCulture, $"F-{i:0000000}");
            var document = new Invoice
            {
                Number = number,
                IssueDate = due.PlusDays(-30),
                DueDate = due,
                Currency = currency,
                Seller = seller,
                Buyer = customers[i % customers.Length],
                Lines = [new InvoiceLine { Id = "1", ItemName = "Service", Quantity = 1, NetPrice = amount, VatCategory = VatCategory.Z, VatRate = 0m }],
            };
            var paid = due.PlusDays(i % 40 - 5);
            accounts[i] = new InvoiceAccount
            {
                Invoice = new IssuedInvoice
                {
                    Document = document,
                    Totals = InvoiceCalculator.Calculate(document),
                    SeriesId = "invoices",
                    Sequence = i + 1,
                    IssuedAt = Instant.FromUtc(2026, 1, 1, 0, 0),
                    PreviousHash = new string('0', 64),
                    Hash = new string('0', 64),
                },
                Payments = i % 3 == 0 && paid <= asOf ? [new Payment(Guid.NewGuid(), number, paid, amount, PaymentMethod.CreditTransfer)] : ValueList<Payment>.Empty,
            };
        }

        return accounts;
    }
}
