namespace Invoicing.Pdf;

/// <summary>How documents look: language, brand colour, logo, payment link and QR code.</summary>
public sealed record PdfRenderOptions
{
    /// <summary>The default options: French, a dark blue brand colour, no logo, the SEPA QR code when it applies.</summary>
    public static PdfRenderOptions Default { get; } = new();

    /// <summary>Language of the labels; French by default.</summary>
    public PdfLanguage Language { get; init; } = PdfLanguage.French;

    /// <summary>Brand colour as <c>#RRGGBB</c>, used for titles, rules and the amount due; <c>#1F3A5F</c> by default.</summary>
    public string BrandColor { get; init; } = "#1F3A5F";

    /// <summary>Logo drawn in the header, PNG or JPEG bytes; none by default.</summary>
    public ReadOnlyMemory<byte> Logo { get; init; }

    /// <summary>A link where the buyer can pay online, printed in the payment block; none by default.</summary>
    public Uri? PaymentLink { get; init; }

    /// <summary>Whether to print the EPC SEPA credit-transfer QR code when the invoice is payable in euros to an IBAN; true by default.</summary>
    public bool SepaQrCode { get; init; } = true;

    /// <summary>
    /// Late-payment penalty mention printed when the invoice carries no note with subject <c>PMD</c>
    /// (French law requires one on business invoices); null prints the legal minimum, three times the legal interest rate.
    /// </summary>
    public string? LatePaymentPenaltyMention { get; init; }

    /// <summary>Whether to print the French mandatory mentions that the invoice does not carry as notes (penalties, EUR 40 indemnity) for a French seller; true by default.</summary>
    public bool FrenchLegalMentions { get; init; } = true;
}
