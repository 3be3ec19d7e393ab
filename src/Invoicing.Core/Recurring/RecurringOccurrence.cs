using NodaTime;

namespace Invoicing.Core;

/// <summary>Where an occurrence stands in the ledger.</summary>
public enum OccurrenceState
{
    /// <summary>Claimed by a worker, its draft saved; not yet confirmed issued.</summary>
    Claimed = 1,

    /// <summary>Issued: its draft became an invoice.</summary>
    Issued = 2,
}

/// <summary>
/// One period in the occurrence ledger, keyed by (schedule id, period start): claimed once, ever. The periods of a
/// combined catch-up invoice share one <see cref="DraftId"/>.
/// </summary>
public sealed record RecurringOccurrence
{
    /// <summary>The schedule.</summary>
    public required string ScheduleId { get; init; }

    /// <summary>First day billed.</summary>
    public required LocalDate PeriodStart { get; init; }

    /// <summary>Last day billed.</summary>
    public required LocalDate PeriodEnd { get; init; }

    /// <summary>The draft the invoice is issued from, saved with the claim and deleted by the issue.</summary>
    public required DraftId DraftId { get; init; }

    /// <summary>Claimed or issued.</summary>
    public required OccurrenceState State { get; init; }

    /// <summary>The worker that holds or held the claim.</summary>
    public required string WorkerId { get; init; }

    /// <summary>Until when the claim holds; after it another worker may take the occurrence over.</summary>
    public required Instant LeaseExpiresAt { get; init; }

    /// <summary>When it was first claimed.</summary>
    public required Instant ClaimedAt { get; init; }

    /// <summary>Claims so far: 1, plus one per take-over.</summary>
    public required int Attempts { get; init; }

    /// <summary>When the issue was confirmed; null while claimed.</summary>
    public Instant? IssuedAt { get; init; }

    /// <summary>
    /// The invoice number; null while claimed, and null when issued while the worker that issued it stopped before
    /// recording it (the next worker found the draft gone: issued, by the rule that an issue deletes its draft).
    /// </summary>
    public string? InvoiceNumber { get; init; }
}
