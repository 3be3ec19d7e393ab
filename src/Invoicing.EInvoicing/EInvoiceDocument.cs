using Invoicing.Core;

namespace Invoicing.EInvoicing;

/// <summary>An e-invoice read from XML: the invoice, what it was written in, and the totals it states.</summary>
/// <param name="Invoice">The invoice in the Core model (its totals are recomputed by <see cref="InvoiceCalculator"/>).</param>
/// <param name="Syntax">The syntax it was written in.</param>
/// <param name="Profile">The Factur-X profile, when the specification identifier names one.</param>
/// <param name="SpecificationId">The specification identifier (BT-24) as written.</param>
/// <param name="StatedTotals">
/// The totals (BG-22) and VAT breakdown (BG-23) stated in the file, to compare with the recomputed ones.
/// Line net amounts are the BT-131 values stated on the lines.
/// </param>
public sealed record EInvoiceDocument(
    Invoice Invoice,
    EInvoiceSyntax Syntax,
    FacturXProfile? Profile,
    string SpecificationId,
    InvoiceTotals StatedTotals);
