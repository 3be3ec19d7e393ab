using NodaTime;

namespace Invoicing.Core;

/// <summary>Where and when the goods or services were delivered (BG-13).</summary>
public sealed record Delivery
{
    /// <summary>Name of the party delivered to (BT-70).</summary>
    public string? PartyName { get; init; }

    /// <summary>Delivery location identifier (BT-71).</summary>
    public Identifier? LocationId { get; init; }

    /// <summary>Actual delivery date (BT-72).</summary>
    public LocalDate? Date { get; init; }

    /// <summary>Delivery address (BG-15).</summary>
    public PostalAddress? Address { get; init; }
}
