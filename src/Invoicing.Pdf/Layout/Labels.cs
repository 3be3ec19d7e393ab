namespace Invoicing.Pdf.Layout;

/// <summary>The words printed on documents, in one language.</summary>
internal sealed record Labels
{
    public static Labels French { get; } = new()
    {
        Invoice = "FACTURE", CreditNote = "AVOIR", Reminder = "RELANCE", Number = "N°", IssueDate = "Date",
        DueDate = "Échéance", BilledTo = "Facturé à", Seller = "Émetteur", References = "Références",
        PurchaseOrder = "Bon de commande", BuyerReference = "Référence acheteur", Contract = "Contrat",
        Project = "Projet", SalesOrder = "Commande vendeur", DeliveryDate = "Date de livraison", Period = "Période",
        Corrects = "Avoir sur la facture", Of = "du", Description = "Désignation", Quantity = "Qté", Unit = "Unité",
        UnitPrice = "PU HT", UnitPriceWithVat = "PU TTC", Vat = "TVA", LineTotal = "Total HT", LineTotalWithVat = "Total TTC", VatBreakdown = "Détail de la TVA", Rate = "Taux",
        TaxableBase = "Base HT", VatAmount = "Montant TVA", LineNetTotal = "Total des lignes HT",
        Allowances = "Remises", Charges = "Frais", TotalWithoutVat = "Total HT", TotalVat = "Total TVA",
        TotalWithVat = "Total TTC", Prepaid = "Déjà payé", Rounding = "Arrondi", AmountDue = "Net à payer",
        CreditAmount = "Montant de l'avoir", Payment = "Paiement", Iban = "IBAN", Bic = "BIC", AccountName = "Titulaire",
        PaymentReference = "Référence à rappeler", PaymentTerms = "Conditions", PayOnline = "Payer en ligne",
        ScanToPay = "Scannez pour payer", Notes = "Mentions", Page = "Page", VatId = "TVA", Siren = "SIREN",
        LegalId = "Immatriculation", CapitalOf = "au capital de", Allowance = "Remise", Charge = "Frais",
        Means = "Moyen", TransferMeans = "Virement", DirectDebitMeans = "Prélèvement", CardMeans = "Carte bancaire",
        Mandate = "Mandat", Continued = "suite", TaxRepresentative = "Représentant fiscal",
        RecoveryIndemnity = "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 EUR (art. L441-10 et D441-5 du Code de commerce).",
        LatePenaltyDefault = "Pénalités de retard : trois fois le taux d'intérêt légal, exigibles dès le lendemain de l'échéance.",
        ReverseCharge = "Autoliquidation", IntraEu = "Exonération de TVA, article 262 ter I du CGI",
        Export = "Exonération de TVA, article 262 I du CGI", Exempt = "Exonération de TVA", OutOfScope = "Hors champ de la TVA",
        ReminderSubject = "Objet : relance pour factures impayées", ReminderDate = "Date", DaysLate = "Jours de retard",
        OverdueInvoice = "Facture", InvoiceDate = "Date facture", Fees = "Frais de recouvrement", Interest = "Intérêts de retard",
        TotalDue = "Total à régler", Level = "Niveau de relance", Yes = "Oui",
        Statement = "RELEVÉ DE COMPTE", StatementDate = "Arrêté au", CustomerAccount = "Compte client", Document = "Pièce",
        Debit = "Débit", Credit = "Crédit", Balance = "Solde", OpeningBalance = "Solde d'ouverture", BroughtForward = "Report",
        TotalDebit = "Total débit", TotalCredit = "Total crédit", BalanceDue = "Solde dû", BalanceInYourFavour = "Solde en votre faveur",
        AgingTitle = "Ancienneté du solde", NotDue = "Non échu", Days = "jours", Over = "Plus de", TypeInvoice = "Facture",
        TypeCreditNote = "Avoir", TypePayment = "Règlement", From = "Du", To = "au", Currency = "Devise", NoMovement = "Aucun mouvement",
        OpenItemsNote = "Relevé des pièces non soldées au {0} : chaque facture ouverte, avec ses règlements et avoirs.",
        PeriodNote = "Relevé des mouvements du {0} au {1}, après le solde d'ouverture ; le solde est ventilé par ancienneté au {1}.",
    };

    public static Labels English { get; } = new()
    {
        Invoice = "INVOICE", CreditNote = "CREDIT NOTE", Reminder = "REMINDER", Number = "No.", IssueDate = "Date",
        DueDate = "Due date", BilledTo = "Bill to", Seller = "From", References = "References",
        PurchaseOrder = "Purchase order", BuyerReference = "Buyer reference", Contract = "Contract",
        Project = "Project", SalesOrder = "Sales order", DeliveryDate = "Delivery date", Period = "Period",
        Corrects = "Credit note for invoice", Of = "of", Description = "Description", Quantity = "Qty", Unit = "Unit",
        UnitPrice = "Unit price", UnitPriceWithVat = "Price incl. VAT", Vat = "VAT", LineTotal = "Net amount", LineTotalWithVat = "Amount incl. VAT", VatBreakdown = "VAT breakdown", Rate = "Rate",
        TaxableBase = "Taxable amount", VatAmount = "VAT amount", LineNetTotal = "Sum of lines",
        Allowances = "Allowances", Charges = "Charges", TotalWithoutVat = "Total without VAT", TotalVat = "Total VAT",
        TotalWithVat = "Total with VAT", Prepaid = "Paid", Rounding = "Rounding", AmountDue = "Amount due",
        CreditAmount = "Amount credited", Payment = "Payment", Iban = "IBAN", Bic = "BIC", AccountName = "Account holder",
        PaymentReference = "Payment reference", PaymentTerms = "Terms", PayOnline = "Pay online",
        ScanToPay = "Scan to pay", Notes = "Notes", Page = "Page", VatId = "VAT", Siren = "SIREN",
        LegalId = "Registration", CapitalOf = "with a share capital of", Allowance = "Allowance", Charge = "Charge",
        Means = "Means", TransferMeans = "Credit transfer", DirectDebitMeans = "Direct debit", CardMeans = "Card",
        Mandate = "Mandate", Continued = "continued", TaxRepresentative = "Tax representative",
        RecoveryIndemnity = "Fixed compensation for recovery costs in case of late payment: EUR 40 (French Commercial Code, art. L441-10 and D441-5).",
        LatePenaltyDefault = "Late-payment penalties: three times the French legal interest rate, due from the day after the due date.",
        ReverseCharge = "Reverse charge", IntraEu = "VAT exempt intra-Community supply (art. 138 Directive 2006/112/EC)",
        Export = "VAT exempt export (art. 146 Directive 2006/112/EC)", Exempt = "Exempt from VAT", OutOfScope = "Outside the scope of VAT",
        ReminderSubject = "Subject: reminder of unpaid invoices", ReminderDate = "Date", DaysLate = "Days late",
        OverdueInvoice = "Invoice", InvoiceDate = "Invoice date", Fees = "Recovery fees", Interest = "Late-payment interest",
        TotalDue = "Total due", Level = "Reminder level", Yes = "Yes",
        Statement = "STATEMENT OF ACCOUNT", StatementDate = "As of", CustomerAccount = "Customer account", Document = "Document",
        Debit = "Debit", Credit = "Credit", Balance = "Balance", OpeningBalance = "Opening balance", BroughtForward = "Brought forward",
        TotalDebit = "Total debit", TotalCredit = "Total credit", BalanceDue = "Balance due", BalanceInYourFavour = "Balance in your favour",
        AgingTitle = "Aging of the balance", NotDue = "Not due", Days = "days", Over = "Over", TypeInvoice = "Invoice",
        TypeCreditNote = "Credit note", TypePayment = "Payment", From = "From", To = "to", Currency = "Currency", NoMovement = "No movement",
        OpenItemsNote = "Items open on {0}: each open invoice, with its payments and credit notes.",
        PeriodNote = "Movements from {0} to {1}, after the opening balance; the balance is aged as of {1}.",
    };

    public required string Invoice { get; init; }
    public required string CreditNote { get; init; }
    public required string Reminder { get; init; }
    public required string Number { get; init; }
    public required string IssueDate { get; init; }
    public required string DueDate { get; init; }
    public required string BilledTo { get; init; }
    public required string Seller { get; init; }
    public required string References { get; init; }
    public required string PurchaseOrder { get; init; }
    public required string BuyerReference { get; init; }
    public required string Contract { get; init; }
    public required string Project { get; init; }
    public required string SalesOrder { get; init; }
    public required string DeliveryDate { get; init; }
    public required string Period { get; init; }
    public required string Corrects { get; init; }
    public required string Of { get; init; }
    public required string Description { get; init; }
    public required string Quantity { get; init; }
    public required string Unit { get; init; }
    public required string UnitPrice { get; init; }

    /// <summary>Heading of the price column on an invoice priced with VAT included.</summary>
    public required string UnitPriceWithVat { get; init; }

    /// <summary>Heading of the amount column on an invoice priced with VAT included.</summary>
    public required string LineTotalWithVat { get; init; }
    public required string Vat { get; init; }
    public required string LineTotal { get; init; }
    public required string VatBreakdown { get; init; }
    public required string Rate { get; init; }
    public required string TaxableBase { get; init; }
    public required string VatAmount { get; init; }
    public required string LineNetTotal { get; init; }
    public required string Allowances { get; init; }
    public required string Charges { get; init; }
    public required string TotalWithoutVat { get; init; }
    public required string TotalVat { get; init; }
    public required string TotalWithVat { get; init; }
    public required string Prepaid { get; init; }
    public required string Rounding { get; init; }
    public required string AmountDue { get; init; }
    public required string CreditAmount { get; init; }
    public required string Payment { get; init; }
    public required string Iban { get; init; }
    public required string Bic { get; init; }
    public required string AccountName { get; init; }
    public required string PaymentReference { get; init; }
    public required string PaymentTerms { get; init; }
    public required string PayOnline { get; init; }
    public required string ScanToPay { get; init; }
    public required string Notes { get; init; }
    public required string Page { get; init; }
    public required string VatId { get; init; }
    public required string TaxRepresentative { get; init; }
    public required string Siren { get; init; }
    public required string LegalId { get; init; }
    public required string CapitalOf { get; init; }
    public required string Allowance { get; init; }
    public required string Charge { get; init; }
    public required string Means { get; init; }
    public required string TransferMeans { get; init; }
    public required string DirectDebitMeans { get; init; }
    public required string CardMeans { get; init; }
    public required string Mandate { get; init; }
    public required string Continued { get; init; }
    public required string RecoveryIndemnity { get; init; }
    public required string LatePenaltyDefault { get; init; }
    public required string ReverseCharge { get; init; }
    public required string IntraEu { get; init; }
    public required string Export { get; init; }
    public required string Exempt { get; init; }
    public required string OutOfScope { get; init; }
    public required string ReminderSubject { get; init; }
    public required string ReminderDate { get; init; }
    public required string DaysLate { get; init; }
    public required string OverdueInvoice { get; init; }
    public required string InvoiceDate { get; init; }
    public required string Fees { get; init; }
    public required string Interest { get; init; }
    public required string TotalDue { get; init; }
    public required string Level { get; init; }
    public required string Yes { get; init; }
    public required string Statement { get; init; }
    public required string StatementDate { get; init; }
    public required string CustomerAccount { get; init; }
    public required string Document { get; init; }
    public required string Debit { get; init; }
    public required string Credit { get; init; }
    public required string Balance { get; init; }
    public required string OpeningBalance { get; init; }
    public required string BroughtForward { get; init; }
    public required string TotalDebit { get; init; }
    public required string TotalCredit { get; init; }
    public required string BalanceDue { get; init; }
    public required string BalanceInYourFavour { get; init; }
    public required string AgingTitle { get; init; }
    public required string NotDue { get; init; }
    public required string Days { get; init; }
    public required string Over { get; init; }
    public required string TypeInvoice { get; init; }
    public required string TypeCreditNote { get; init; }
    public required string TypePayment { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required string Currency { get; init; }
    public required string NoMovement { get; init; }
    public required string OpenItemsNote { get; init; }
    public required string PeriodNote { get; init; }

    public static Labels For(PdfLanguage language) => language == PdfLanguage.English ? English : French;
}
