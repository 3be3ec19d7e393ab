using NodaTime;

namespace Invoicing.Core;

/// <summary>One row of the sync ledger: a CRM record, the version last applied and what became of it.</summary>
public sealed record CrmSyncRecord
{
    /// <summary>The source's name.</summary>
    public required string Source { get; init; }

    /// <summary>The CRM's id of the record.</summary>
    public required string RecordId { get; init; }

    /// <summary>The version last applied.</summary>
    public required string Version { get; init; }

    /// <summary>The draft id of the record, derived from source and record id (<see cref="CrmSyncRules.DraftIdOf"/>).</summary>
    public required DraftId DraftId { get; init; }

    /// <summary>Where the record stands.</summary>
    public required CrmSyncState State { get; init; }

    /// <summary>Why the record is held (its issues, one per line), or null.</summary>
    public string? HeldReason { get; init; }

    /// <summary>When the row last changed (the sync's clock).</summary>
    public required Instant UpdatedAt { get; init; }
}
