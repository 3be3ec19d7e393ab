using Invoicing.Core;
using NodaTime;

namespace Invoicing.EInvoicing.Tests;

/// <summary>Invoices that exercise every field the CII mapping carries, one per VAT situation.</summary>
internal static class CiiSamples
{
    public static Party Seller { get; } = new()
    {
        Name = "Atelier Dupont SAS",
        TradingName = "Atelier Dupont",
        Identifiers = [new Identifier("SUP-001"), new Identifier("3012345000010", "0088")],
        LegalId = Identifier.Siren("123456782"),
        VatId = "FR11123456782",
        TaxRegistrationId = "FR-TAX-42",
        AdditionalLegalInfo = "SAS au capital de 10 000 EUR, RCS Paris 123 456 782",
        Address = new PostalAddress { Line1 = "12 rue des Lilas", Line2 = "Bâtiment B", Line3 = "3e étage", City = "Paris", PostCode = "75011", Subdivision = "Île-de-France", CountryCode = "FR" },
        ElectronicAddress = new Identifier("12345678200010", "0009"),
        Contact = new Contact { Name = "Marie Dupont", Phone = "+33 1 23 45 67 89", Email = "compta@dupont.example" },
    };

    public static Party Buyer { get; } = new()
    {
        Name = "Boulangerie Martin SARL",
        TradingName = "Chez Martin",
        Identifiers = [new Identifier("CUST-7")],
        LegalId = Identifier.Siren("987654324"),
        VatId = "FR14987654324",
        Address = new PostalAddress { Line1 = "3 place du Marché", City = "Lyon", PostCode = "69002", CountryCode = "FR" },
        ElectronicAddress = new Identifier("987654324", "0002"),
        Contact = new Contact { Name = "Paul Martin", Email = "paul@martin.example" },
    };

    /// <summary>French domestic invoice at 20 % and 5.5 % with every optional field set.</summary>
    public static Invoice Domestic() => new()
    {
        Number = "F2026-00042",
        Type = DocumentType.Invoice,
        IssueDate = new LocalDate(2026, 3, 15),
        Currency = Currency.Eur,
        VatPointDate = new LocalDate(2026, 3, 10),
        DueDate = new LocalDate(2026, 4, 14),
        BuyerReference = "BR-77",
        ProjectReference = "PRJ-2026-3",
        ContractReference = "CT-2025-12",
        PurchaseOrderReference = "PO-4711",
        SalesOrderReference = "SO-99",
        ReceivingAdviceReference = "RA-5",
        DespatchAdviceReference = "DA-6",
        BuyerAccountingReference = "6064",
        PaymentTerms = "Paiement à 30 jours",
        Notes =
        [
            new InvoiceNote("Indemnité forfaitaire pour frais de recouvrement : 40 EUR", InvoiceNote.RecoveryIndemnity),
            new InvoiceNote("Pénalités de retard : trois fois le taux d'intérêt légal", InvoiceNote.LatePaymentPenalties),
            new InvoiceNote("Pas d'escompte pour paiement anticipé", InvoiceNote.EarlyPaymentDiscount),
            new InvoiceNote("Merci de votre confiance & à bientôt <3"),
        ],
        BusinessProcessType = FrenchBillingMode.M1,
        PrecedingInvoices = [new PrecedingInvoiceReference("F2026-00007", new LocalDate(2026, 1, 5))],
        Seller = Seller,
        Buyer = Buyer,
        Payee = new Party { Name = "Factor SA", Identifiers = [new Identifier("PAYEE-1")], LegalId = Identifier.Siren("555666775") },
        Delivery = new Delivery
        {
            PartyName = "Boulangerie Martin - dépôt",
            LocationId = new Identifier("3012345000027", "0088"),
            Date = new LocalDate(2026, 3, 10),
            Address = new PostalAddress { Line1 = "ZI Nord", City = "Villeurbanne", PostCode = "69100", CountryCode = "FR" },
        },
        InvoicingPeriod = new InvoicePeriod { Start = new LocalDate(2026, 3, 1), End = new LocalDate(2026, 3, 31) },
        PaymentInstructions = new PaymentInstructions
        {
            MeansCode = PaymentInstructions.SepaCreditTransfer,
            MeansText = "Virement SEPA",
            RemittanceInformation = "F2026-00042",
            CreditTransfers = [new CreditTransfer("FR7630006000011234567890189", "Atelier Dupont", "AGRIFRPP")],
        },
        AllowancesCharges =
        [
            new AllowanceCharge { IsCharge = false, Amount = 10.00m, BaseAmount = 200.00m, Percentage = 5m, VatCategory = VatCategory.S, VatRate = 20m, Reason = "Remise fidélité", ReasonCode = "95" },
            new AllowanceCharge { IsCharge = true, Amount = 15.50m, VatCategory = VatCategory.S, VatRate = 20m, Reason = "Frais de port", ReasonCode = "FC" },
        ],
        Lines =
        [
            new InvoiceLine
            {
                Id = "1", ItemName = "Table en chêne", Description = "Table 180 x 90", Note = "Livrée montée", Quantity = 2m, UnitCode = "C62",
                NetPrice = 450.00m, GrossPrice = 500.00m, PriceDiscount = 50.00m, BaseQuantity = 1m, BaseQuantityUnitCode = "C62",
                VatCategory = VatCategory.S, VatRate = 20m,
                Period = new InvoicePeriod { Start = new LocalDate(2026, 3, 1), End = new LocalDate(2026, 3, 2) },
                SellerItemId = "TAB-180", BuyerItemId = "B-55", StandardItemId = new Identifier("4012345678901", "0160"),
                ClassificationIds = [new Identifier("94036010", "HS")], OriginCountryCode = "FR", PurchaseOrderLineReference = "10", AccountingReference = "2184",
                AllowancesCharges = [new AllowanceCharge { IsCharge = false, Amount = 20.00m, Reason = "Geste commercial", ReasonCode = "95" }, new AllowanceCharge { IsCharge = true, Amount = 5.00m, BaseAmount = 100m, Percentage = 5m, Reason = "Emballage", ReasonCode = "ABL" }],
            },
            new InvoiceLine { Id = "2", ItemName = "Farine T65", Quantity = 12.5m, UnitCode = "KGM", NetPrice = 1.234m, VatCategory = VatCategory.S, VatRate = 5.5m },
            new InvoiceLine { Id = "3", ItemName = "Sucre", Quantity = 3m, UnitCode = "KGM", NetPrice = 19.90m, BaseQuantity = 10m, BaseQuantityUnitCode = "KGM", VatCategory = VatCategory.S, VatRate = 5.5m },
        ],
        PrepaidAmount = 100.00m,
        RoundingAmount = 0.01m,
    };

    /// <summary>A small invoice with one line in the given VAT situation.</summary>
    public static Invoice Simple(VatCategory category, decimal? rate, string? exemptionCode = null, string? exemptionReason = null, string buyerCountry = "FR") => new()
    {
        Number = "F2026-00100",
        IssueDate = new LocalDate(2026, 5, 2),
        Currency = Currency.Eur,
        Seller = Seller,
        Buyer = Buyer with { Address = Buyer.Address! with { CountryCode = buyerCountry }, VatId = buyerCountry == "FR" ? Buyer.VatId : buyerCountry + "123456789" },
        VatExemptions = exemptionCode is null && exemptionReason is null ? [] : [new VatExemption(category, exemptionCode, exemptionReason)],
        DueDate = new LocalDate(2026, 6, 1),
        BusinessProcessType = FrenchBillingMode.S1,
        Notes =
        [
            new InvoiceNote("Indemnité forfaitaire pour frais de recouvrement : 40 EUR", InvoiceNote.RecoveryIndemnity),
            new InvoiceNote("Pénalités de retard : trois fois le taux d'intérêt légal", InvoiceNote.LatePaymentPenalties),
        ],
        Lines = [new InvoiceLine { Id = "1", ItemName = "Prestation", Quantity = 3m, UnitCode = "HUR", NetPrice = 85.00m, VatCategory = category, VatRate = rate }],
    };

    /// <summary>Every sample, by name.</summary>
    public static TheoryData<string> Names() => new(["domestic", "intra-eu-k", "reverse-charge-ae", "export-g", "franchise-e", "credit-note", "out-of-scope-o", "yen", "dinar", "many-lines"]);

    public static Invoice Named(string name) => name switch
    {
        "domestic" => Domestic(),
        "intra-eu-k" => Simple(VatCategory.K, 0m, "VATEX-EU-IC", "Exonération de TVA, article 262 ter I du CGI", "DE") with
        {
            Delivery = new Delivery { Date = new LocalDate(2026, 4, 28), Address = new PostalAddress { City = "Berlin", PostCode = "10115", CountryCode = "DE" } },
        },
        "reverse-charge-ae" => Simple(VatCategory.AE, 0m, "VATEX-EU-AE", "Autoliquidation"),
        "export-g" => Simple(VatCategory.G, 0m, "VATEX-EU-G", "Exonération de TVA, article 262 I du CGI", "US"),
        "franchise-e" => Simple(VatCategory.E, 0m, "VATEX-FR-FRANCHISE", "TVA non applicable, art. 293 B du CGI"),
        "credit-note" => Simple(VatCategory.S, 20m) with
        {
            Type = DocumentType.CreditNote,
            Number = "AV2026-00003",
            PrecedingInvoices = [new PrecedingInvoiceReference("F2026-00100", new LocalDate(2026, 5, 2))],
        },
        "out-of-scope-o" => Simple(VatCategory.O, null, "VATEX-EU-O", "Hors champ") with { Seller = Seller with { VatId = null }, Buyer = Buyer with { VatId = null } },
        "yen" => Simple(VatCategory.S, 10m) with { Currency = Currency.Jpy, Lines = [new InvoiceLine { Id = "1", ItemName = "Item", Quantity = 3m, NetPrice = 333m, VatCategory = VatCategory.S, VatRate = 10m }] },
        "dinar" => Simple(VatCategory.S, 5m) with { Currency = Currency.Kwd, Lines = [new InvoiceLine { Id = "1", ItemName = "Item", Quantity = 3m, NetPrice = 1.2345m, VatCategory = VatCategory.S, VatRate = 5m }] },
        "many-lines" => WithLines(50),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>An invoice with <paramref name="count"/> lines over two VAT rates.</summary>
    public static Invoice WithLines(int count) => Simple(VatCategory.S, 20m) with
    {
        Lines = Enumerable.Range(1, count).Select(i => new InvoiceLine
        {
            Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ItemName = "Article " + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Quantity = i % 7 + 1,
            UnitCode = "C62",
            NetPrice = 3.17m * (i % 13 + 1),
            VatCategory = VatCategory.S,
            VatRate = i % 2 == 0 ? 20m : 5.5m,
        }).ToValueList(),
    };
}
