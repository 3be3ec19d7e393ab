using System.Text;
using System.Xml;
using Invoicing.Core;

namespace Invoicing.EInvoicing.Ubl;

/// <summary>
/// Writes an invoice as a UBL 2.1 <c>Invoice</c>, or a <c>CreditNote</c> when its type is a credit note, with the
/// Peppol BIS Billing 3.0 specification identifier when the invoice meets the Peppol rules on its content (at most
/// one note, a buyer or order reference, no business process other than a Peppol one) and the EN 16931 one
/// (<see cref="UblNames.En16931CustomizationId"/>) otherwise. Totals and the VAT breakdown come from
/// <see cref="InvoiceCalculator"/>; the same invoice always gives the same bytes (UTF-8, no BOM).
/// </summary>
public static class UblWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        CloseOutput = false,
    };

    /// <summary>Writes <paramref name="invoice"/> to <paramref name="output"/>.</summary>
    /// <returns>What UBL could not carry (French legal form, share capital and trade register are not EN 16931 fields); empty when nothing was lost.</returns>
    /// <exception cref="InvoiceValidationException">
    /// The invoice has no number (BR-02), its totals cannot be computed, or its seller tax representative has no name
    /// (BR-18) or an address without a country (BR-20).
    /// </exception>
    public static IReadOnlyList<ValidationIssue> Write(Invoice invoice, Stream output)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrWhiteSpace(invoice.Number))
        {
            throw new InvoiceValidationException(ValidationIssue.Error("BR-02", "number", "An invoice shall have an invoice number (BT-1): write issued invoices, not drafts."));
        }

        TaxRepresentativeGuard.EnsureWritable(invoice);
        (invoice, var totals) = WrittenInvoice.Of(invoice);
        using (var writer = XmlWriter.Create(output, Settings))
        {
            new UblDocumentWriter(writer, invoice, totals).Write();
        }

        return Losses(invoice);
    }

    /// <summary>Writes <paramref name="invoice"/> and returns the UTF-8 bytes.</summary>
    /// <exception cref="InvoiceValidationException">The invoice has no number (BR-02) or its totals cannot be computed.</exception>
    public static byte[] Write(Invoice invoice)
    {
        using var stream = new MemoryStream();
        Write(invoice, stream);
        return stream.ToArray();
    }

    private static IReadOnlyList<ValidationIssue> Losses(Invoice invoice)
    {
        List<ValidationIssue>? losses = null;
        Lost(invoice.Seller, "seller", ref losses);
        Lost(invoice.Buyer, "buyer", ref losses);
        if (invoice.Payee is { } payee)
        {
            Lost(payee, "payee", ref losses);
        }

        return losses is null ? [] : losses;
    }

    private static void Lost(Party party, string path, ref List<ValidationIssue>? losses)
    {
        if (party.LegalForm is not null || party.ShareCapital is not null || party.TradeRegister is not null)
        {
            (losses ??= []).Add(ValidationIssue.Warning(
                "UBL-LOSS",
                path,
                "Legal form, share capital and trade register are not EN 16931 fields and are not written in UBL; put them in the additional legal information (BT-33) to carry them."));
        }
    }
}
