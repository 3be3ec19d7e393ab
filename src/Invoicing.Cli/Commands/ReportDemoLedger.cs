using System.Globalization;
using Invoicing.Cli.Demo;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.Cli.Commands;

/// <summary>
/// The sample ledger of <c>invoicing report ... --demo</c>: a year of invoices to eight customers ending on the
/// as-of day, each customer paying with its own habit (early, on time, 10 to 45 days late, partly), and some
/// invoices in US dollars. Built in memory and the same for the same as-of day; nothing is stored.
/// </summary>
internal static class ReportDemoLedger
{
    private static readonly (string Name, string Siren, int Delay, int Every)[] Customers =
    [
        ("Boulangerie Dupont & Fils", "987654324", -3, 9),
        ("Café des Arts SARL", "552100554", 0, 11),
        ("Hôtel du Parc", "411302178", 12, 13),
        ("Garage Martin", "318445209", 25, 17),
        ("Librairie Colette", "800123456", 45, 19),
        ("Studio Nord GmbH", "DE811907980", 8, 23),
        ("Maison Verte SCOP", "790544120", 18, 29),
        ("Acme Lighting Inc.", "US-94-1234567", 30, 31),
    ];

    public static IEnumerable<InvoiceAccount> Create(LocalDate asOf)
    {
        var start = asOf.PlusDays(-364);
        var sequence = 0;
        for (var day = 0; day < 365; day++)
        {
            var issued = start.PlusDays(day);
            for (var c = 0; c < Customers.Length; c++)
            {
                var (name, id, delay, every) = Customers[c];
                if ((day + (c * 5)) % every != 0)
                {
                    continue;
                }

                sequence++;
                var currency = id.StartsWith("US", StringComparison.Ordinal) ? Currency.Usd : Currency.Eur;
                var amount = 180m + (((sequence * 37) + (c * 113)) % 2_400);
                var due = issued.PlusDays(30);
                yield return Account(sequence, issued, due, currency, name, id, amount, Payments(sequence, asOf, due, delay, amount));
            }
        }
    }

    private static (LocalDate Date, decimal Amount)[] Payments(int sequence, LocalDate asOf, LocalDate due, int delay, decimal amount)
    {
        // Each customer's habit, varied by a few days from one invoice to the next.
        var paid = due.PlusDays(delay + (sequence % 7) - 3);
        if (paid > asOf)
        {
            return [];
        }

        return sequence % 10 == 3
            ? [(paid, Math.Round(amount / 2m, 2, MidpointRounding.AwayFromZero))]
            : [(paid, amount)];
    }

    private static InvoiceAccount Account(int sequence, LocalDate issued, LocalDate due, Currency currency, string name, string id, decimal amount, (LocalDate Date, decimal Amount)[] payments)
    {
        var number = string.Create(CultureInfo.InvariantCulture, $"F{issued.Year}-{sequence:00000}");
        var document = new Invoice
        {
            Number = number,
            IssueDate = issued,
            DueDate = due,
            Currency = currency,
            Seller = DemoInvoices.Seller,
            Buyer = new Party { Name = name, Identifiers = [new Identifier(id)] },
            Lines = [new InvoiceLine { Id = "1", ItemName = "Luminaires et pose", Quantity = 1, NetPrice = amount, VatCategory = VatCategory.Z, VatRate = 0m }],
        };
        return new InvoiceAccount
        {
            Invoice = new IssuedInvoice
            {
                Document = document,
                Totals = InvoiceCalculator.Calculate(document),
                SeriesId = "demo",
                Sequence = sequence,
                IssuedAt = issued.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
                PreviousHash = new string('0', 64),
                Hash = new string('0', 64),
            },
            Payments = payments.Select((p, i) => new Payment(DemoGuid(sequence, i), number, p.Date, p.Amount, PaymentMethod.CreditTransfer)).ToValueList(),
        };
    }

    private static Guid DemoGuid(int sequence, int index) => new(sequence, (short)index, 0, [0, 0, 0, 0, 0, 0, 0, 1]);
}
