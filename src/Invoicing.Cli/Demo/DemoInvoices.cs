using Invoicing.Core;
using NodaTime;

namespace Invoicing.Cli.Demo;

/// <summary>
/// The demo's invoices: one French seller, customers in France, Germany, Belgium and the United States,
/// so every VAT situation the SDK handles appears once.
/// </summary>
internal static class DemoInvoices
{
    public static Party Seller { get; } = new()
    {
        Name = "Atelier Lumière SAS",
        LegalId = Identifier.Siren("123456782"),
        VatId = "FR11123456782",
        LegalForm = "SAS",
        ShareCapital = "50 000 EUR",
        TradeRegister = "RCS Lyon 123 456 782",
        Address = new PostalAddress { Line1 = "12 rue de la République", City = "Lyon", PostCode = "69002", CountryCode = "FR" },
        ElectronicAddress = new Identifier("123456782", "0225"),
        Contact = new Contact { Name = "Claire Martin", Phone = "+33 4 72 00 00 00", Email = "factures@atelier-lumiere.example" },
    };

    /// <summary>The demo's invoices, issued on <paramref name="issueDate"/>.</summary>
    public static IReadOnlyList<Invoice> Create(LocalDate issueDate) =>
    [
        Domestic(issueDate),
        IntraEuGoods(issueDate),
        IntraEuServices(issueDate),
        Export(issueDate),
        Domestic(issueDate) with
        {
            Buyer = Customer("Café des Arts SARL", "552100554", "FR23552100554", "8 quai Saint-Antoine", "Lyon", "69005", "FR", "compta@cafe-des-arts.example"),
            Lines = [Line("1", "Applique murale", 6, 74.50m, 20m), Line("2", "Ampoule LED filament", 24, 6.90m, 20m)],
            DueDate = issueDate.PlusDays(15),
        },
    ];

    private static Invoice Domestic(LocalDate issueDate) => Base(issueDate) with
    {
        BusinessProcessType = FrenchBillingMode.M1,
        VatDueDateType = VatDueDateType.InvoiceDate,
        Buyer = Customer("Boulangerie Dupont & Fils", "987654324", "FR14987654324", "3 place du Marché", "Villeurbanne", "69100", "FR", "compta@dupont-fils.example"),
        PurchaseOrderReference = "PO-4512",
        Lines =
        [
            Line("1", "Suspension laiton", 4, 189.90m, 20m),
            Line("2", "Pose et raccordement", 3.5m, 55m, 20m, unit: "HUR") with { AllowancesCharges = [new AllowanceCharge { Amount = 12.50m, Reason = "Remise fidélité", ReasonCode = "95" }] },
            Line("3", "Guide d'entretien (livre)", 2, 14.20m, 5.5m),
        ],
        AllowancesCharges = [new AllowanceCharge { IsCharge = true, Amount = 25m, Reason = "Livraison", ReasonCode = "DL", VatCategory = VatCategory.S, VatRate = 20m }],
    };

    private static Invoice IntraEuGoods(LocalDate issueDate) => Base(issueDate) with
    {
        BusinessProcessType = FrenchBillingMode.B1,
        Buyer = Customer("Leuchten Weber GmbH", null, "DE123456789", "Hauptstraße 5", "Berlin", "10115", "DE", "buchhaltung@leuchten-weber.example"),
        Delivery = new Delivery { Date = issueDate.PlusDays(-2), Address = new PostalAddress { Line1 = "Hauptstraße 5", City = "Berlin", PostCode = "10115", CountryCode = "DE" } },
        Lines = [Line("1", "Lampadaire arc", 10, 249m, 0m, VatCategory.K)],
        VatExemptions = [new VatExemption(VatCategory.K, "VATEX-EU-IC", "Exonération de TVA, article 262 ter, I du CGI")],
    };

    private static Invoice IntraEuServices(LocalDate issueDate) => Base(issueDate) with
    {
        BusinessProcessType = FrenchBillingMode.S1,
        Buyer = Customer("Design Studio Janssens BV", null, "BE0123456749", "Rue Neuve 20", "Bruxelles", "1000", "BE", "finance@janssens.example"),
        Lines = [Line("1", "Étude d'éclairage", 12, 85m, 0m, VatCategory.AE, unit: "HUR")],
        VatExemptions = [new VatExemption(VatCategory.AE, "VATEX-EU-AE", "Autoliquidation")],
    };

    private static Invoice Export(LocalDate issueDate) => Base(issueDate) with
    {
        BusinessProcessType = FrenchBillingMode.B1,
        Currency = Currency.Usd,
        Buyer = Customer("Brooklyn Lighting Co.", null, null, "55 Water Street", "New York", "11201", "US", "ap@brooklyn-lighting.example"),
        Lines = [Line("1", "Suspension laiton", 20, 205m, 0m, VatCategory.G)],
        VatExemptions = [new VatExemption(VatCategory.G, "VATEX-EU-G", "Exonération de TVA, article 262 I du CGI")],
    };

    private static Invoice Base(LocalDate issueDate) => new()
    {
        IssueDate = issueDate,
        DueDate = issueDate.PlusDays(30),
        Currency = Currency.Eur,
        Seller = Seller,
        Buyer = Seller,
        PaymentTerms = "Paiement à 30 jours date de facture",
        Notes =
        [
            new InvoiceNote("En cas de retard de paiement, pénalités au taux de la BCE majoré de 10 points.", InvoiceNote.LatePaymentPenalties),
            new InvoiceNote("Indemnité forfaitaire pour frais de recouvrement : 40 EUR.", InvoiceNote.RecoveryIndemnity),
            new InvoiceNote("Pas d'escompte pour paiement anticipé.", InvoiceNote.EarlyPaymentDiscount),
        ],
        PaymentInstructions = new PaymentInstructions
        {
            MeansCode = PaymentInstructions.SepaCreditTransfer,
            CreditTransfers = [new CreditTransfer("FR7630006000011234567890189", "Atelier Lumière SAS", "AGRIFRPPXXX")],
        },
    };

    private static Party Customer(string name, string? siren, string? vatId, string street, string city, string postCode, string country, string email) => new()
    {
        Name = name,
        LegalId = siren is null ? null : Identifier.Siren(siren),
        VatId = vatId,
        Address = new PostalAddress { Line1 = street, City = city, PostCode = postCode, CountryCode = country },
        ElectronicAddress = siren is null ? null : new Identifier(siren, "0225"),
        Contact = new Contact { Email = email },
    };

    private static InvoiceLine Line(string id, string name, decimal quantity, decimal price, decimal rate, VatCategory category = VatCategory.S, string unit = "C62") => new()
    {
        Id = id,
        ItemName = name,
        Quantity = quantity,
        UnitCode = unit,
        NetPrice = price,
        VatCategory = category,
        VatRate = rate,
    };
}
