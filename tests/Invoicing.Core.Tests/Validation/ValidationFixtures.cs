using NodaTime;

namespace Invoicing.Core.Tests.Validation;

/// <summary>Invoices that pass every rule, to break one rule at a time.</summary>
internal static class ValidationFixtures
{
    public static Party FrenchSeller { get; } = new()
    {
        Name = "Atelier Lumière SAS",
        LegalId = Identifier.Siren("123456782"),
        VatId = "FR11123456782",
        Address = new PostalAddress { Line1 = "12 rue de la République", City = "Lyon", PostCode = "69002", CountryCode = "FR" },
        ElectronicAddress = new Identifier("123456782", "0225"),
    };

    public static Party FrenchBuyer { get; } = new()
    {
        Name = "Boulangerie Dupont & Fils",
        LegalId = Identifier.Siren("987654324"),
        VatId = "FR14987654324",
        Address = new PostalAddress { Line1 = "3 place du Marché", City = "Villeurbanne", PostCode = "69100", CountryCode = "FR" },
    };

    public static Party GermanBuyer { get; } = new()
    {
        Name = "Leuchten Müller GmbH",
        VatId = "DE123456789",
        Address = new PostalAddress { City = "Berlin", PostCode = "10115", CountryCode = "DE" },
    };

    public static InvoiceLine Line(string id, decimal quantity, decimal price, VatCategory category = VatCategory.S, decimal? rate = 20m) => new()
    {
        Id = id,
        ItemName = "Article " + id,
        Quantity = quantity,
        NetPrice = price,
        VatCategory = category,
        VatRate = rate,
    };

    /// <summary>A French domestic B2B invoice with every mandatory mention.</summary>
    public static Invoice FrenchB2B() => new()
    {
        Number = "F2026-00042",
        IssueDate = new LocalDate(2026, 11, 2),
        DueDate = new LocalDate(2026, 12, 2),
        Currency = Currency.Eur,
        BusinessProcessType = FrenchBillingMode.B1,
        Seller = FrenchSeller,
        Buyer = FrenchBuyer,
        Notes =
        [
            new InvoiceNote("En cas de retard de paiement, pénalités au taux de la BCE majoré de 10 points.", InvoiceNote.LatePaymentPenalties),
            new InvoiceNote("Indemnité forfaitaire pour frais de recouvrement : 40 EUR.", InvoiceNote.RecoveryIndemnity),
        ],
        PaymentInstructions = new PaymentInstructions
        {
            MeansCode = PaymentInstructions.SepaCreditTransfer,
            CreditTransfers = [new CreditTransfer("FR7630006000011234567890189")],
        },
        Lines = [Line("1", 4m, 189.90m), Line("2", 2m, 14.20m, rate: 5.5m)],
        AllowancesCharges = [new AllowanceCharge { IsCharge = true, Amount = 25m, Reason = "Livraison", VatCategory = VatCategory.S, VatRate = 20m }],
    };

    /// <summary>An intra-EU supply of goods from France to Germany (category K).</summary>
    public static Invoice IntraCommunityGoods() => FrenchB2B() with
    {
        Buyer = GermanBuyer,
        BusinessProcessType = null,
        Delivery = new Delivery { Date = new LocalDate(2026, 10, 30), Address = new PostalAddress { City = "Berlin", CountryCode = "DE" } },
        Lines = [Line("1", 10m, 50m, VatCategory.K, 0m)],
        AllowancesCharges = [],
        VatExemptions = [VatMentions.IntraCommunitySupply.ToExemption()],
    };
}
