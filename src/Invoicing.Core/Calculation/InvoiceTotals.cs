namespace Invoicing.Core;

/// <summary>The document totals (BG-22) and VAT breakdown (BG-23) of an invoice, as EN 16931 defines them.</summary>
public sealed record InvoiceTotals
{
    /// <summary>Sum of invoice line net amounts (BT-106).</summary>
    public required decimal LineNetTotal { get; init; }

    /// <summary>Sum of document-level allowances (BT-107); null when there are none.</summary>
    public decimal? AllowanceTotal { get; init; }

    /// <summary>Sum of document-level charges (BT-108); null when there are none.</summary>
    public decimal? ChargeTotal { get; init; }

    /// <summary>Invoice total without VAT (BT-109) = BT-106 - BT-107 + BT-108.</summary>
    public required decimal TaxExclusiveAmount { get; init; }

    /// <summary>Invoice total VAT (BT-110) = sum of BT-117.</summary>
    public required decimal VatTotal { get; init; }

    /// <summary>Invoice total with VAT (BT-112) = BT-109 + BT-110.</summary>
    public required decimal TaxInclusiveAmount { get; init; }

    /// <summary>Paid amount (BT-113); null when none was stated.</summary>
    public decimal? PrepaidAmount { get; init; }

    /// <summary>Rounding amount (BT-114); null when none was stated.</summary>
    public decimal? RoundingAmount { get; init; }

    /// <summary>Amount due for payment (BT-115) = BT-112 - BT-113 + BT-114.</summary>
    public required decimal AmountDue { get; init; }

    /// <summary>The VAT breakdown (BG-23), ordered by category then rate.</summary>
    public required ValueList<VatBreakdown> VatBreakdown { get; init; }

    /// <summary>Net amount of each line (BT-131), in line order.</summary>
    public required ValueList<decimal> LineNetAmounts { get; init; }
}
