using NodaTime;

namespace Invoicing.Crm;

/// <summary>
/// A deal (opportunity) as a CRM holds it, with its line items. Its <see cref="Id"/> and <see cref="Version"/> are the
/// sync's key: a deal is drafted once per id, and a new version updates the draft or, once invoiced, is reported.
/// </summary>
public sealed record CrmDeal
{
    /// <summary>The CRM's id of the deal.</summary>
    public required string Id { get; init; }

    /// <summary>
    /// The version the CRM gives the record (a modification stamp or revision number), compared for equality only: a
    /// different version is a change.
    /// </summary>
    public required string Version { get; init; }

    /// <summary>When the CRM last changed the deal (the cursor's modified-since mark).</summary>
    public Instant ModifiedAt { get; init; }

    /// <summary>The deal's name, kept as the draft's first note.</summary>
    public string? Name { get; init; }

    /// <summary>The CRM id of the customer billed (<see cref="CrmCustomer.Id"/>).</summary>
    public string? CustomerId { get; init; }

    /// <summary>Whether the deal is won: only won deals are invoiced; the others are skipped.</summary>
    public bool IsWon { get; init; }

    /// <summary>The day the deal was won or closed.</summary>
    public LocalDate? ClosedOn { get; init; }

    /// <summary>The ISO 4217 currency code (BT-5); the mapping's default currency when absent.</summary>
    public string? Currency { get; init; }

    /// <summary>Days from the issue date to the due date (BT-9); the mapping's default when absent.</summary>
    public int? PaymentDays { get; init; }

    /// <summary>Payment terms as text (BT-20); the mapping's default when absent.</summary>
    public string? PaymentTerms { get; init; }

    /// <summary>The customer's purchase order reference (BT-13).</summary>
    public string? PurchaseOrderReference { get; init; }

    /// <summary>The line items, in the CRM's order.</summary>
    public IReadOnlyList<CrmDealLine> Lines { get; init => field = value ?? []; } = [];
}

/// <summary>A line item of a deal.</summary>
public sealed record CrmDealLine
{
    /// <summary>The CRM's id of the line item, when it has one.</summary>
    public string? Id { get; init; }

    /// <summary>The product or service name (BT-153).</summary>
    public string? Name { get; init; }

    /// <summary>A description (BT-154).</summary>
    public string? Description { get; init; }

    /// <summary>The product code (BT-155).</summary>
    public string? ProductCode { get; init; }

    /// <summary>The quantity (BT-129).</summary>
    public decimal? Quantity { get; init; }

    /// <summary>The unit price without VAT (BT-146), after any discount.</summary>
    public decimal? UnitPrice { get; init; }

    /// <summary>The VAT category code (BT-151: S, Z, E, AE, K, G, O, ...); the mapping's default when absent.</summary>
    public string? VatCategory { get; init; }

    /// <summary>The VAT rate in percent (BT-152); the mapping's default rate for category S when absent.</summary>
    public decimal? VatRate { get; init; }

    /// <summary>The UN/ECE unit code (BT-130); one (C62) when absent.</summary>
    public string? UnitCode { get; init; }
}
