namespace Invoicing.Core;

/// <summary>One row of the VAT breakdown (BG-23): one per (category, rate) of the invoice.</summary>
/// <param name="Category">VAT category (BT-118).</param>
/// <param name="Rate">VAT rate in percent (BT-119); null for category O.</param>
/// <param name="TaxableAmount">Sum of the line nets, less allowances, plus charges in the group (BT-116).</param>
/// <param name="TaxAmount">VAT of the group (BT-117), rounded once on the taxable amount (BR-CO-17).</param>
/// <param name="ExemptionReasonCode">VATEX code (BT-121).</param>
/// <param name="ExemptionReason">Exemption reason text (BT-120).</param>
public sealed record VatBreakdown(
    VatCategory Category,
    decimal? Rate,
    decimal TaxableAmount,
    decimal TaxAmount,
    string? ExemptionReasonCode = null,
    string? ExemptionReason = null);
