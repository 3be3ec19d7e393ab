namespace Invoicing.Core;

/// <summary>
/// What an invoice must say about a VAT category: the VATEX exemption reason code (BT-121) and the legal mention
/// (BT-120) to print, in French and in English.
/// </summary>
/// <param name="Category">The VAT category the mention explains.</param>
/// <param name="ReasonCode">The VATEX code (BT-121), for example <c>VATEX-EU-AE</c>; null when the category needs none.</param>
/// <param name="French">The mention to print on a French invoice.</param>
/// <param name="English">The mention in English.</param>
public sealed record VatMention(VatCategory Category, string? ReasonCode, string French, string English)
{
    /// <summary>The exemption to put on the invoice (BT-120 in French, BT-121), so the VAT breakdown carries it.</summary>
    public VatExemption ToExemption() => new(Category, ReasonCode, French);

    /// <summary>The exemption with the English mention as BT-120.</summary>
    public VatExemption ToEnglishExemption() => new(Category, ReasonCode, English);
}
