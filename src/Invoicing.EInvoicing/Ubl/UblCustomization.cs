using System.Text.RegularExpressions;
using Invoicing.Core;

namespace Invoicing.EInvoicing.Ubl;

/// <summary>
/// Chooses the specification identifier (BT-24) of a UBL document: Peppol BIS Billing 3.0 when the invoice meets
/// the Peppol rules that depend on its content, plain EN 16931 otherwise, so that a document never claims a
/// specification whose rules it breaks. French invoices usually take the second: their mandatory mentions are
/// several notes (PEPPOL-EN16931-R002) and their billing mode is BT-23 (PEPPOL-EN16931-R007).
/// </summary>
internal static partial class UblCustomization
{
    /// <summary>Whether the invoice can be a Peppol BIS Billing 3.0 document.</summary>
    public static bool FitsPeppol(Invoice invoice) =>
        // R002: at most one note, unless the seller and the buyer are both German.
        (invoice.Notes.Count <= 1 || (CountryOf(invoice.Seller) == "DE" && CountryOf(invoice.Buyer) == "DE"))
        // R003: a buyer reference or a purchase order reference.
        && (invoice.BuyerReference is not null || invoice.PurchaseOrderReference is not null)
        // R007: BT-23 is absent (the default Peppol process is written) or a Peppol process.
        && (invoice.BusinessProcessType is null || PeppolProcess().IsMatch(invoice.BusinessProcessType));

    /// <summary>The specification identifier (BT-24).</summary>
    public static string SpecificationId(Invoice invoice) =>
        FitsPeppol(invoice) ? UblNames.PeppolCustomizationId : UblNames.En16931CustomizationId;

    /// <summary>The business process (BT-23) to write, or null for none.</summary>
    public static string? ProfileId(Invoice invoice) =>
        FitsPeppol(invoice) ? invoice.BusinessProcessType ?? UblNames.PeppolProfileId : invoice.BusinessProcessType;

    private static string? CountryOf(Party party) => party.Address?.CountryCode;

    [GeneratedRegex("^urn:fdc:peppol\\.eu:2017:poacc:billing:[0-9]{2}:1\\.0$", RegexOptions.CultureInvariant)]
    private static partial Regex PeppolProcess();
}
