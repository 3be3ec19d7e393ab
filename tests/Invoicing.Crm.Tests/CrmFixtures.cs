using Invoicing.Core;
using NodaTime;

namespace Invoicing.Crm.Tests;

/// <summary>A French seller's template and CRM records with every field an invoice needs.</summary>
internal static class CrmFixtures
{
    public static readonly LocalDate Today = new(2026, 3, 10);

    public static CrmDraftTemplate Template { get; } = new()
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
            new InvoiceNote("Pas d'escompte pour paiement anticipé.", InvoiceNote.EarlyPaymentDiscount),
        ],
        PaymentInstructions = new PaymentInstructions
        {
            MeansCode = PaymentInstructions.SepaCreditTransfer,
            CreditTransfers = [new CreditTransfer("FR7630006000011234567890189", "Atelier Lumière SAS")],
        },
        VatExemptions = [new VatExemption(VatCategory.K, "VATEX-EU-IC", "Exonération de TVA, article 262 ter, I du CGI")],
    };

    public static CrmCustomer Customer(string id = "C1") => new()
    {
        Id = id,
        Name = "Boulangerie Dupont & Fils",
        Siren = "987 654 324",
        VatId = "FR14987654324",
        Email = "compta@dupont-fils.example",
        Language = "fr",
        Address = new CrmAddress { Line1 = "3 place du Marché", City = "Villeurbanne", PostCode = "69100", Country = "France" },
    };

    public static CrmDeal Deal(string id = "D1", string version = "1", string customerId = "C1", decimal price = 189.90m) => new()
    {
        Id = id,
        Version = version,
        CustomerId = customerId,
        IsWon = true,
        Name = "Éclairage boutique",
        ClosedOn = new LocalDate(2026, 3, 9),
        Currency = "EUR",
        PaymentDays = 30,
        Lines =
        [
            new CrmDealLine { Name = "Suspension laiton", Quantity = 4, UnitPrice = price, VatCategory = "S", VatRate = 20m },
            new CrmDealLine { Name = "Pose", Quantity = 3.5m, UnitPrice = 55m, UnitCode = "HUR" },
        ],
    };
}
