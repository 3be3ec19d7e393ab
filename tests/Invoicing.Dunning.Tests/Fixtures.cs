using Invoicing.Core;
using NodaTime;

namespace Invoicing.Dunning.Tests;

internal static class Fixtures
{
    public static Invoice Invoice(string number, LocalDate dueDate, decimal netPrice = 1000m, string buyer = "Boulangerie Dupont", string? email = "compta@dupont.example", string customerId = "C-001") => new()
    {
        Number = number,
        IssueDate = dueDate.PlusDays(-30),
        DueDate = dueDate,
        Currency = Currency.Eur,
        Seller = new Party { Name = "Atelier Lumière SAS", VatId = "FR11123456782" },
        Buyer = new Party { Name = buyer, Identifiers = [new Identifier(customerId)], Contact = email is null ? null : new Contact { Email = email } },
        Lines = [new InvoiceLine { Id = "1", ItemName = "Suspension laiton", Quantity = 1, NetPrice = netPrice, VatCategory = VatCategory.S, VatRate = 20m }],
    };

    public static InvoiceAccount Account(string number, LocalDate dueDate, decimal netPrice = 1000m, string buyer = "Boulangerie Dupont", string? email = "compta@dupont.example", string customerId = "C-001")
    {
        var document = Invoice(number, dueDate, netPrice, buyer, email, customerId);
        return new InvoiceAccount
        {
            Invoice = new IssuedInvoice
            {
                Document = document,
                Totals = InvoiceCalculator.Calculate(document),
                SeriesId = "invoices",
                Sequence = 1,
                IssuedAt = Instant.FromUtc(2026, 1, 1, 9, 0),
                PreviousHash = new string('0', 64),
                Hash = new string('a', 64),
            },
        };
    }

    public static InvoiceAccount WithPayment(this InvoiceAccount account, decimal amount, LocalDate date) => account with
    {
        Payments = [.. account.Payments, new Payment(Guid.NewGuid(), account.Number, date, amount, PaymentMethod.CreditTransfer)],
    };

    public static ReminderEntry Entry(string number, string stepId, ReminderState state = ReminderState.Sent) => new()
    {
        Key = new ReminderKey(number, stepId),
        State = state,
        MessageId = "m-" + stepId + "@test.example",
        PlannedFor = new LocalDate(2026, 1, 1),
        WorkerId = "w",
        LeaseExpiresAt = Instant.FromUtc(2026, 1, 1, 0, 10),
        Attempts = 1,
        CreatedAt = Instant.FromUtc(2026, 1, 1, 0, 0),
    };
}
