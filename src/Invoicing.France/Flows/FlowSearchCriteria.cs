using NodaTime;

namespace Invoicing.France;

/// <summary>
/// What to search flows by (XP Z12-013 <c>SearchFlowFilters</c>); criteria combine with AND, the values of a list with
/// OR. At least one criterion is required.
/// </summary>
public sealed record FlowSearchCriteria
{
    /// <summary>The sender's tracking id, or null.</summary>
    public string? TrackingId { get; init; }

    /// <summary>Only flows changed strictly after this moment, or null.</summary>
    public Instant? UpdatedAfter { get; init; }

    /// <summary>Only flows changed before this moment, or null.</summary>
    public Instant? UpdatedBefore { get; init; }

    /// <summary>Only these kinds of flow; empty for all.</summary>
    public IReadOnlyList<FlowType> Types { get; init; } = [];

    /// <summary>Only this direction, or null for both.</summary>
    public FlowDirection? Direction { get; init; }

    /// <summary>Only this acknowledgement status, or null.</summary>
    public FlowAckStatus? AckStatus { get; init; }

    /// <summary>At most this many results per page (1 to 100; 25 by default).</summary>
    public int Limit { get; init; } = 25;

    /// <summary>The <see cref="FlowSearchPage.NextCursor"/> of the previous page, or null for the first.</summary>
    public string? Cursor { get; init; }
}
