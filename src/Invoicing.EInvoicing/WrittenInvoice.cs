using Invoicing.Core;

namespace Invoicing.EInvoicing;

/// <summary>
/// What the CII and UBL writers write of an invoice: its net form and its totals. An e-invoice has no price with VAT
/// included, so an invoice priced with VAT included is written with the net prices, line nets and allowance and charge
/// amounts the calculator derives (<see cref="InvoiceCalculator.ToNetPrices"/>), and with the totals and VAT breakdown
/// computed on the VAT-inclusive invoice: its grand total (BT-112) is the sum of the prices the buyer saw.
/// </summary>
internal static class WrittenInvoice
{
    /// <exception cref="InvoiceValidationException">The totals cannot be computed.</exception>
    public static (Invoice Invoice, InvoiceTotals Totals) Of(Invoice invoice)
    {
        var totals = InvoiceCalculator.Calculate(invoice);
        return (InvoiceCalculator.ToNetPrices(invoice), totals);
    }
}
