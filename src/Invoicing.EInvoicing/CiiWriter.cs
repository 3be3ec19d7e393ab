using Invoicing.Core;
using Invoicing.EInvoicing.Cii;

namespace Invoicing.EInvoicing;

/// <summary>
/// Writes an invoice as UN/CEFACT CII D16B for a Factur-X / ZUGFeRD profile: UTF-8, deterministic (the same
/// invoice gives the same bytes), elements in schema order, totals computed by <see cref="InvoiceCalculator"/>.
/// </summary>
public static class CiiWriter
{
    /// <summary>Writes <paramref name="invoice"/> to <paramref name="output"/>.</summary>
    /// <param name="invoice">The invoice.</param>
    /// <param name="profile">The profile: sets BT-24 and what is written.</param>
    /// <param name="output">Where the UTF-8 bytes go (left open).</param>
    /// <param name="throwOnDataLoss">When true, data the profile cannot carry is an error instead of a warning.</param>
    /// <returns>One warning (rule <c>CII-PROFILE</c>) per field the profile could not carry; empty when nothing was lost.</returns>
    /// <exception cref="InvoiceValidationException">
    /// The invoice has no number (BR-02, drafts are numbered at issue), cannot be computed, its seller tax representative has
    /// no name (BR-18) or an address without a country (BR-20), or <paramref name="throwOnDataLoss"/> is set and data would be lost
    /// (the issues name each field).
    /// </exception>
    public static IReadOnlyList<ValidationIssue> Write(Invoice invoice, FacturXProfile profile, Stream output, bool throwOnDataLoss = false)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(output);
        return CiiSerializer.Write(invoice, profile, output, throwOnDataLoss);
    }

    /// <summary>Writes <paramref name="invoice"/> and returns the UTF-8 bytes (what a Factur-X PDF embeds as <c>factur-x.xml</c>).</summary>
    /// <exception cref="InvoiceValidationException">See <see cref="Write"/>.</exception>
    public static byte[] ToBytes(Invoice invoice, FacturXProfile profile = FacturXProfile.En16931, bool throwOnDataLoss = false)
    {
        using var buffer = new MemoryStream();
        Write(invoice, profile, buffer, throwOnDataLoss);
        return buffer.ToArray();
    }
}
