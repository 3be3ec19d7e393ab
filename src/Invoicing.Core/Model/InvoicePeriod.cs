using NodaTime;

namespace Invoicing.Core;

/// <summary>A period of delivery or service (BG-14 invoice period, BG-26 line period).</summary>
public sealed record InvoicePeriod
{
    /// <summary>First day (BT-73, BT-134).</summary>
    public LocalDate? Start { get; init; }

    /// <summary>Last day (BT-74, BT-135).</summary>
    public LocalDate? End { get; init; }
}
