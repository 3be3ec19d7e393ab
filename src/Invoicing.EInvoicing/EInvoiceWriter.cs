using Invoicing.Core;

namespace Invoicing.EInvoicing;

/// <summary>Writes an invoice in the syntax asked for: CII (with a Factur-X profile) or UBL.</summary>
public static partial class EInvoiceWriter
{
    /// <summary>Writes <paramref name="invoice"/> to <paramref name="output"/> as UTF-8 XML.</summary>
    /// <param name="invoice">The invoice; its totals are computed by <see cref="InvoiceCalculator"/>.</param>
    /// <param name="syntax">CII or UBL.</param>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="profile">The Factur-X profile for CII (EN 16931 when null); ignored for UBL.</param>
    /// <returns>What the chosen syntax or profile could not carry (empty when nothing was lost).</returns>
    /// <exception cref="InvoiceValidationException">The invoice cannot be computed.</exception>
    public static IReadOnlyList<ValidationIssue> Write(Invoice invoice, EInvoiceSyntax syntax, Stream output, FacturXProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(output);
        switch (syntax)
        {
            case EInvoiceSyntax.Cii:
                return CiiWriter.Write(invoice, profile ?? FacturXProfile.En16931, output);
            case EInvoiceSyntax.Ubl:
                IReadOnlyList<ValidationIssue>? losses = null;
                WriteUbl(invoice, output, ref losses);
                return losses ?? throw new NotSupportedException("Writing UBL is not available in this build.");
            default:
                throw new ArgumentOutOfRangeException(nameof(syntax), syntax, "Unknown e-invoice syntax.");
        }
    }

    /// <summary>The UBL writer plugs in here (implemented in Ubl/): writes and sets <paramref name="losses"/> (empty when nothing was lost).</summary>
    static partial void WriteUbl(Invoice invoice, Stream output, ref IReadOnlyList<ValidationIssue>? losses);
}
