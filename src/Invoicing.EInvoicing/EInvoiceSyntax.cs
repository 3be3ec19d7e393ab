namespace Invoicing.EInvoicing;

/// <summary>The XML syntaxes of EN 16931 this package reads and writes.</summary>
public enum EInvoiceSyntax
{
    /// <summary>UN/CEFACT Cross Industry Invoice D16B (Factur-X, ZUGFeRD, XRechnung CII).</summary>
    Cii,

    /// <summary>OASIS UBL 2.1 Invoice or CreditNote (Peppol BIS Billing 3.0, XRechnung UBL).</summary>
    Ubl,
}
