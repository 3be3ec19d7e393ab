using Invoicing.Core;
using NodaTime;

namespace Invoicing.Storage.Tests;

/// <summary>Documents and requests the store tests issue.</summary>
internal static class StoreFixtures
{
    public static readonly Instant IssuedAt = Instant.FromUtc(2026, 11, 2, 9, 0);

    public static Invoice Draft(LocalDate? issueDate = null, string customer = "987654324", int dueInDays = 30, decimal price = 100m)
    {
        var date = issueDate ?? new LocalDate(2026, 11, 2);
        return new Invoice
        {
            IssueDate = date,
            DueDate = date.PlusDays(dueInDays),
            Currency = Currency.Eur,
            Seller = new Party { Name = "Atelier Lumière SAS", LegalId = Identifier.Siren("123456782"), VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", PostCode = "69002", CountryCode = "FR" } },
            Buyer = new Party { Name = "Client " + customer, LegalId = Identifier.Siren(customer), Address = new PostalAddress { City = "Villeurbanne", PostCode = "69100", CountryCode = "FR" } },
            Lines =
            [
                new InvoiceLine { Id = "1", ItemName = "Suspension laiton", Quantity = 1, NetPrice = price, VatCategory = VatCategory.S, VatRate = 20m },
                new InvoiceLine { Id = "2", ItemName = "Livre", Quantity = 2, NetPrice = 14.20m, VatCategory = VatCategory.S, VatRate = 5.5m },
            ],
        };
    }

    /// <summary>Amount due of <see cref="Draft"/> with price 100: 120.00 + 29.96 = 149.96.</summary>
    public const decimal DefaultAmountDue = 149.96m;

    public static IssueRequest Request(Invoice document, DraftId? draftId = null, NumberSeries? series = null) => new()
    {
        Document = document,
        Series = series ?? (document.Type.IsCreditNote() ? NumberSeries.DefaultCreditNotes : NumberSeries.DefaultInvoices),
        IssuedAt = IssuedAt,
        DraftId = draftId,
    };

    public static Payment Payment(string number, decimal amount, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), number, new LocalDate(2026, 11, 20), amount, PaymentMethod.CreditTransfer, "VIR-1");
}
