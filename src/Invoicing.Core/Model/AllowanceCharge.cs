namespace Invoicing.Core;

/// <summary>
/// An allowance (discount) or a charge, on the document (BG-20, BG-21) or on a line (BG-27, BG-28).
/// The amount is stated; base and percentage say how it was obtained.
/// </summary>
public sealed record AllowanceCharge
{
    /// <summary>True for a charge, false for an allowance (ChargeIndicator).</summary>
    public bool IsCharge { get; init; }

    /// <summary>
    /// Amount without VAT (BT-92, BT-99, BT-136, BT-141); with VAT included on an invoice priced with VAT included
    /// (<see cref="Invoice.PricesIncludeVat"/>), where the calculator derives the amount without VAT.
    /// </summary>
    public required decimal Amount { get; init; }

    /// <summary>Base amount the percentage applies to (BT-93, BT-100, BT-137, BT-142).</summary>
    public decimal? BaseAmount { get; init; }

    /// <summary>Percentage (BT-94, BT-101, BT-138, BT-143).</summary>
    public decimal? Percentage { get; init; }

    /// <summary>VAT category of a document-level allowance or charge (BT-95, BT-102). Not used on lines.</summary>
    public VatCategory? VatCategory { get; init; }

    /// <summary>VAT rate of a document-level allowance or charge (BT-96, BT-103). Not used on lines.</summary>
    public decimal? VatRate { get; init; }

    /// <summary>Reason as text (BT-97, BT-104, BT-139, BT-144).</summary>
    public string? Reason { get; init; }

    /// <summary>Reason code (BT-98, BT-105, BT-140, BT-145; UNTDID 5189 for allowances, 7161 for charges).</summary>
    public string? ReasonCode { get; init; }
}
