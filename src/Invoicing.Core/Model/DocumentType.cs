namespace Invoicing.Core;

/// <summary>The invoice type code (BT-3, UNTDID 1001). Other codes of the list can be cast from their number.</summary>
public enum DocumentType
{
    /// <summary>Commercial invoice.</summary>
    Invoice = 380,

    /// <summary>Credit note: corrects or cancels an invoice it references (BG-3).</summary>
    CreditNote = 381,

    /// <summary>Corrected invoice.</summary>
    CorrectedInvoice = 384,

    /// <summary>Self-billed invoice (issued by the buyer).</summary>
    SelfBilledInvoice = 389,

    /// <summary>Prepayment invoice.</summary>
    PrepaymentInvoice = 386,

    /// <summary>Self-billed credit note.</summary>
    SelfBilledCreditNote = 261,
}

/// <summary>Facts about document types.</summary>
public static class DocumentTypes
{
    /// <summary>Whether documents of this type are credit notes (UBL <c>CreditNote</c>).</summary>
    public static bool IsCreditNote(this DocumentType type) =>
        type is DocumentType.CreditNote or DocumentType.SelfBilledCreditNote || (int)type is 81 or 83 or 396 or 532;
}
