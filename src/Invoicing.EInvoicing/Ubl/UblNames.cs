namespace Invoicing.EInvoicing.Ubl;

/// <summary>Namespaces and identifiers of UBL 2.1 and Peppol BIS Billing 3.0.</summary>
public static class UblNames
{
    /// <summary>Namespace of the UBL 2.1 Invoice root.</summary>
    public const string InvoiceNamespace = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

    /// <summary>Namespace of the UBL 2.1 CreditNote root.</summary>
    public const string CreditNoteNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    /// <summary>Namespace of the common aggregate components (prefix <c>cac</c>).</summary>
    public const string Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    /// <summary>Namespace of the common basic components (prefix <c>cbc</c>).</summary>
    public const string Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    /// <summary>Specification identifier (BT-24) of Peppol BIS Billing 3.0.</summary>
    public const string PeppolCustomizationId = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";

    /// <summary>
    /// Specification identifier (BT-24) of the EN 16931 core, written instead of <see cref="PeppolCustomizationId"/>
    /// when the invoice breaks a Peppol BIS rule on its content (several notes, a billing mode that is not a Peppol
    /// process, no buyer or order reference).
    /// </summary>
    public const string En16931CustomizationId = "urn:cen.eu:en16931:2017";

    /// <summary>Business process (BT-23, <c>cbc:ProfileID</c>) of Peppol BIS Billing 3.0, written when the invoice names none.</summary>
    public const string PeppolProfileId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
}
