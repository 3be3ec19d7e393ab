namespace Invoicing.Core;

/// <summary>Why a VAT category carries no VAT (BT-120, BT-121), written on the category's VAT breakdown row.</summary>
/// <param name="Category">The category the reason is for.</param>
/// <param name="ReasonCode">VATEX code (BT-121), for example <c>VATEX-EU-AE</c> or <c>VATEX-FR-FRANCHISE</c>.</param>
/// <param name="Reason">The legal mention (BT-120), for example <c>Autoliquidation</c>.</param>
public sealed record VatExemption(VatCategory Category, string? ReasonCode, string? Reason);
