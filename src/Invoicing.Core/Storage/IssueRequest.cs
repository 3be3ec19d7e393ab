using NodaTime;

namespace Invoicing.Core;

/// <summary>What a store needs to issue a document in one transaction.</summary>
public sealed record IssueRequest
{
    /// <summary>The validated document, without a number.</summary>
    public required Invoice Document { get; init; }

    /// <summary>The series to number it in.</summary>
    public required NumberSeries Series { get; init; }

    /// <summary>The moment of issue, from the clock.</summary>
    public required Instant IssuedAt { get; init; }

    /// <summary>The draft it was made from, deleted in the same transaction; null when it was never saved.</summary>
    public DraftId? DraftId { get; init; }
}
