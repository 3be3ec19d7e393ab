using System.Globalization;
using Invoicing.Core;
using Invoicing.Portal.Accounts;

namespace Invoicing.Portal.Rendering;

/// <summary>Every word the portal shows, in English and French. One instance per language, chosen per request.</summary>
internal sealed class PortalText
{
    public static PortalText English { get; } = new()
    {
        Language = "en",
        Culture = CultureInfo.GetCultureInfo("en-GB"),
        DefaultTitle = "Billing",
        SkipLink = "Skip to main content",
        LanguageNavigation = "Language",
        ListTitle = "Your invoices and credit notes",
        ListCaption = "Invoices and credit notes, latest due date last",
        NoDocuments = "There is no invoice or credit note for your account yet.",
        Number = "Number",
        Kind = "Type",
        KindInvoice = "Invoice",
        KindCreditNote = "Credit note",
        IssueDate = "Issue date",
        DueDate = "Due date",
        Status = "Status",
        Total = "Total",
        Balance = "Balance due",
        TotalsTitle = "Totals by currency",
        TotalsCaption = "What remains to be paid, by currency",
        Currency = "Currency",
        TotalDue = "Due",
        TotalOverdue = "Of which overdue",
        DetailTitle = "Invoice {0}",
        CreditNoteTitle = "Credit note {0}",
        LinesTitle = "Lines",
        LinesCaption = "Lines of the document",
        Item = "Item",
        Quantity = "Quantity",
        UnitPrice = "Unit price (excl. VAT)",
        NetAmount = "Amount (excl. VAT)",
        VatRate = "VAT rate",
        AmountsTitle = "Amounts",
        NetTotal = "Total excluding VAT",
        VatTotal = "VAT",
        GrossTotal = "Total including VAT",
        AmountDue = "Amount due",
        Paid = "Paid",
        Credited = "Credited",
        WrittenOff = "Written off",
        PaymentsTitle = "Payments",
        PaymentsCaption = "Payments received",
        NoPayments = "No payment received yet.",
        PaymentDate = "Date",
        PaymentAmount = "Amount",
        MethodHeading = "Method",
        DownloadsTitle = "Downloads",
        DownloadPdf = "Download the PDF",
        DownloadFacturX = "Download the Factur-X PDF (with the e-invoice)",
        Pay = "Pay {0} online",
        DisputeTitle = "Dispute this invoice",
        DisputeHelp = "Tell us what is wrong: reminders stop while we look into it.",
        DisputeReason = "Reason (optional)",
        DisputeButton = "Dispute the invoice",
        DisputedNotice = "You dispute this invoice: we have paused the reminders and will come back to you.",
        BackToList = "Back to your invoices",
        SignOut = "Sign out",
        SignedOutTitle = "You are signed out",
        SignedOutText = "Use the link in your latest email to come back.",
        NotFoundTitle = "Page not found",
        NotFoundText = "There is no such document in your account.",
        LinkRefusedTitle = "This link cannot be used",
        LinkRefusedText = "The link is not valid or has expired. Ask us for a new one or use the link in your latest email.",
        SessionTitle = "Your session has ended",
        SessionText = "For your security, open the portal again from the link in your latest email.",
        TooManyTitle = "Too many attempts",
        TooManyText = "Too many links were tried from your connection. Wait a minute, then try again.",
        BadRequestTitle = "The request was refused",
        BadRequestText = "The form was out of date or incomplete. Go back, reload the page and try again.",
        ReasonTooLong = "The reason is too long: at most {0} characters.",
        NotPayableTitle = "Nothing to pay",
        NotPayableText = "This invoice has nothing left to pay online.",
        NotDisputableTitle = "This invoice cannot be disputed",
        NotDisputableText = "Only an invoice with a balance due can be disputed here. Contact us for anything else.",
        PaymentUnavailableTitle = "Online payment is unavailable",
        PaymentUnavailableText = "The payment service did not answer. Try again in a few minutes.",
        Statuses = new Dictionary<PortalStatus, string>
        {
            [PortalStatus.Open] = "Open",
            [PortalStatus.PartlyPaid] = "Partly paid",
            [PortalStatus.Paid] = "Paid",
            [PortalStatus.Overdue] = "Overdue",
            [PortalStatus.Disputed] = "Disputed",
            [PortalStatus.Credited] = "Credited",
            [PortalStatus.WrittenOff] = "Written off",
            [PortalStatus.CreditNote] = "Credit note issued",
        },
        Methods = new Dictionary<PaymentMethod, string>
        {
            [PaymentMethod.CreditTransfer] = "Bank transfer",
            [PaymentMethod.DirectDebit] = "Direct debit",
            [PaymentMethod.Card] = "Card",
            [PaymentMethod.Cheque] = "Cheque",
            [PaymentMethod.Cash] = "Cash",
            [PaymentMethod.Other] = "Other",
        },
    };

    public static PortalText French { get; } = new()
    {
        Language = "fr",
        Culture = CultureInfo.GetCultureInfo("fr-FR"),
        DefaultTitle = "Facturation",
        SkipLink = "Aller au contenu principal",
        LanguageNavigation = "Langue",
        ListTitle = "Vos factures et avoirs",
        ListCaption = "Factures et avoirs, par date d'échéance",
        NoDocuments = "Votre compte n'a encore aucune facture ni aucun avoir.",
        Number = "Numéro",
        Kind = "Type",
        KindInvoice = "Facture",
        KindCreditNote = "Avoir",
        IssueDate = "Date d'émission",
        DueDate = "Échéance",
        Status = "Statut",
        Total = "Total",
        Balance = "Reste à payer",
        TotalsTitle = "Totaux par devise",
        TotalsCaption = "Ce qui reste à payer, par devise",
        Currency = "Devise",
        TotalDue = "À payer",
        TotalOverdue = "Dont en retard",
        DetailTitle = "Facture {0}",
        CreditNoteTitle = "Avoir {0}",
        LinesTitle = "Lignes",
        LinesCaption = "Lignes du document",
        Item = "Article",
        Quantity = "Quantité",
        UnitPrice = "Prix unitaire HT",
        NetAmount = "Montant HT",
        VatRate = "Taux de TVA",
        AmountsTitle = "Montants",
        NetTotal = "Total HT",
        VatTotal = "TVA",
        GrossTotal = "Total TTC",
        AmountDue = "Net à payer",
        Paid = "Payé",
        Credited = "Crédité par avoir",
        WrittenOff = "Passé en perte",
        PaymentsTitle = "Paiements",
        PaymentsCaption = "Paiements reçus",
        NoPayments = "Aucun paiement reçu pour l'instant.",
        PaymentDate = "Date",
        PaymentAmount = "Montant",
        MethodHeading = "Moyen",
        DownloadsTitle = "Téléchargements",
        DownloadPdf = "Télécharger le PDF",
        DownloadFacturX = "Télécharger le PDF Factur-X (avec la facture électronique)",
        Pay = "Payer {0} en ligne",
        DisputeTitle = "Contester cette facture",
        DisputeHelp = "Dites-nous ce qui ne va pas : les relances s'arrêtent le temps que nous regardions.",
        DisputeReason = "Motif (facultatif)",
        DisputeButton = "Contester la facture",
        DisputedNotice = "Vous contestez cette facture : nous avons suspendu les relances et reviendrons vers vous.",
        BackToList = "Retour à vos factures",
        SignOut = "Se déconnecter",
        SignedOutTitle = "Vous êtes déconnecté",
        SignedOutText = "Utilisez le lien de votre dernier e-mail pour revenir.",
        NotFoundTitle = "Page introuvable",
        NotFoundText = "Ce document n'existe pas dans votre compte.",
        LinkRefusedTitle = "Ce lien ne peut pas être utilisé",
        LinkRefusedText = "Le lien n'est pas valide ou a expiré. Demandez-nous-en un nouveau ou utilisez celui de votre dernier e-mail.",
        SessionTitle = "Votre session est terminée",
        SessionText = "Pour votre sécurité, rouvrez le portail depuis le lien de votre dernier e-mail.",
        TooManyTitle = "Trop de tentatives",
        TooManyText = "Trop de liens ont été essayés depuis votre connexion. Attendez une minute puis réessayez.",
        BadRequestTitle = "La demande a été refusée",
        BadRequestText = "Le formulaire était périmé ou incomplet. Revenez en arrière, rechargez la page et réessayez.",
        ReasonTooLong = "Le motif est trop long : {0} caractères au plus.",
        NotPayableTitle = "Rien à payer",
        NotPayableText = "Il ne reste rien à payer en ligne sur cette facture.",
        NotDisputableTitle = "Cette facture ne peut pas être contestée",
        NotDisputableText = "Seule une facture avec un reste à payer peut être contestée ici. Contactez-nous pour toute autre demande.",
        PaymentUnavailableTitle = "Le paiement en ligne est indisponible",
        PaymentUnavailableText = "Le service de paiement n'a pas répondu. Réessayez dans quelques minutes.",
        Statuses = new Dictionary<PortalStatus, string>
        {
            [PortalStatus.Open] = "À payer",
            [PortalStatus.PartlyPaid] = "Partiellement payée",
            [PortalStatus.Paid] = "Payée",
            [PortalStatus.Overdue] = "En retard",
            [PortalStatus.Disputed] = "Contestée",
            [PortalStatus.Credited] = "Annulée par avoir",
            [PortalStatus.WrittenOff] = "Passée en perte",
            [PortalStatus.CreditNote] = "Avoir émis",
        },
        Methods = new Dictionary<PaymentMethod, string>
        {
            [PaymentMethod.CreditTransfer] = "Virement",
            [PaymentMethod.DirectDebit] = "Prélèvement",
            [PaymentMethod.Card] = "Carte",
            [PaymentMethod.Cheque] = "Chèque",
            [PaymentMethod.Cash] = "Espèces",
            [PaymentMethod.Other] = "Autre",
        },
    };

    public required string Language { get; init; }
    public required CultureInfo Culture { get; init; }
    public required string DefaultTitle { get; init; }
    public required string SkipLink { get; init; }
    public required string LanguageNavigation { get; init; }
    public required string ListTitle { get; init; }
    public required string ListCaption { get; init; }
    public required string NoDocuments { get; init; }
    public required string Number { get; init; }
    public required string Kind { get; init; }
    public required string KindInvoice { get; init; }
    public required string KindCreditNote { get; init; }
    public required string IssueDate { get; init; }
    public required string DueDate { get; init; }
    public required string Status { get; init; }
    public required string Total { get; init; }
    public required string Balance { get; init; }
    public required string TotalsTitle { get; init; }
    public required string TotalsCaption { get; init; }
    public required string Currency { get; init; }
    public required string TotalDue { get; init; }
    public required string TotalOverdue { get; init; }
    public required string DetailTitle { get; init; }
    public required string CreditNoteTitle { get; init; }
    public required string LinesTitle { get; init; }
    public required string LinesCaption { get; init; }
    public required string Item { get; init; }
    public required string Quantity { get; init; }
    public required string UnitPrice { get; init; }
    public required string NetAmount { get; init; }
    public required string VatRate { get; init; }
    public required string AmountsTitle { get; init; }
    public required string NetTotal { get; init; }
    public required string VatTotal { get; init; }
    public required string GrossTotal { get; init; }
    public required string AmountDue { get; init; }
    public required string Paid { get; init; }
    public required string Credited { get; init; }
    public required string WrittenOff { get; init; }
    public required string PaymentsTitle { get; init; }
    public required string PaymentsCaption { get; init; }
    public required string NoPayments { get; init; }
    public required string PaymentDate { get; init; }
    public required string PaymentAmount { get; init; }
    public required string MethodHeading { get; init; }
    public required string DownloadsTitle { get; init; }
    public required string DownloadPdf { get; init; }
    public required string DownloadFacturX { get; init; }
    public required string Pay { get; init; }
    public required string DisputeTitle { get; init; }
    public required string DisputeHelp { get; init; }
    public required string DisputeReason { get; init; }
    public required string DisputeButton { get; init; }
    public required string DisputedNotice { get; init; }
    public required string BackToList { get; init; }
    public required string SignOut { get; init; }
    public required string SignedOutTitle { get; init; }
    public required string SignedOutText { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required string LinkRefusedTitle { get; init; }
    public required string LinkRefusedText { get; init; }
    public required string SessionTitle { get; init; }
    public required string SessionText { get; init; }
    public required string TooManyTitle { get; init; }
    public required string TooManyText { get; init; }
    public required string BadRequestTitle { get; init; }
    public required string BadRequestText { get; init; }
    public required string ReasonTooLong { get; init; }
    public required string NotPayableTitle { get; init; }
    public required string NotPayableText { get; init; }
    public required string NotDisputableTitle { get; init; }
    public required string NotDisputableText { get; init; }
    public required string PaymentUnavailableTitle { get; init; }
    public required string PaymentUnavailableText { get; init; }
    public required IReadOnlyDictionary<PortalStatus, string> Statuses { get; init; }
    public required IReadOnlyDictionary<PaymentMethod, string> Methods { get; init; }

    /// <summary>The texts of a language code (<c>fr</c>, <c>en</c>); null for any other.</summary>
    public static PortalText? For(string? language) => language switch
    {
        "fr" => French,
        "en" => English,
        _ => null,
    };

    public string Format(string template, string value) => string.Format(Culture, template, value);
}
