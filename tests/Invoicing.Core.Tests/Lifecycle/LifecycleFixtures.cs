using NodaTime;

namespace Invoicing.Core.Tests.Lifecycle;

internal static class LifecycleFixtures
{
    public static Invoice Draft() => new()
    {
        IssueDate = new LocalDate(2026, 11, 2),
        DueDate = new LocalDate(2026, 12, 2),
        Currency = Currency.Eur,
        BusinessProcessType = FrenchBillingMode.M1,
        Notes =
        [
            new InvoiceNote("En cas de retard de paiement, pénalités au taux de la BCE majoré de 10 points.", InvoiceNote.LatePaymentPenalties),
            new InvoiceNote("Indemnité forfaitaire pour frais de recouvrement : 40 EUR.", InvoiceNote.RecoveryIndemnity),
        ],
        Seller = new Party { Name = "Atelier Lumière SAS", LegalId = Identifier.Siren("123456782"), VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", PostCode = "69002", CountryCode = "FR" } },
        Buyer = new Party { Name = "Boulangerie Dupont", LegalId = Identifier.Siren("987654324"), VatId = "FR14987654324", Address = new PostalAddress { City = "Villeurbanne", PostCode = "69100", CountryCode = "FR" } },
        Lines =
        [
            new InvoiceLine { Id = "1", ItemName = "Suspension laiton", Quantity = 4, NetPrice = 189.90m, VatCategory = VatCategory.S, VatRate = 20m },
            new InvoiceLine { Id = "2", ItemName = "Pose", Quantity = 3.5m, UnitCode = "HUR", NetPrice = 55m, VatCategory = VatCategory.S, VatRate = 20m, AllowancesCharges = [new AllowanceCharge { Amount = 12.50m, Reason = "Remise" }] },
            new InvoiceLine { Id = "3", ItemName = "Livre", Quantity = 2, NetPrice = 14.20m, VatCategory = VatCategory.S, VatRate = 5.5m },
        ],
        AllowancesCharges = [new AllowanceCharge { IsCharge = true, Amount = 25m, Reason = "Livraison", VatCategory = VatCategory.S, VatRate = 20m }],
    };

    public static IssuedInvoice Issued(Invoice? draft = null, string number = "F2026-00001")
    {
        var document = (draft ?? Draft()) with { Number = number };
        return new IssuedInvoice
        {
            Document = document,
            Totals = InvoiceCalculator.Calculate(document),
            SeriesId = "invoices",
            Sequence = 1,
            IssuedAt = Instant.FromUtc(2026, 11, 2, 9, 0),
            PreviousHash = new string('0', 64),
            Hash = new string('a', 64),
        };
    }
}
