using NodaTime;

namespace Invoicing.Core;

/// <summary>Dunning flags of one invoice. Absent settings mean: not disputed, not paused.</summary>
public sealed record DunningInvoiceSettings
{
    /// <summary>The invoice number (BT-1).</summary>
    public required string InvoiceNumber { get; init; }

    /// <summary>Whether the customer disputes the invoice: no reminder while true.</summary>
    public bool Disputed { get; init; }

    /// <summary>No reminder before this day (for example a payment plan was agreed); null when not paused.</summary>
    public LocalDate? PausedUntil { get; init; }
}
