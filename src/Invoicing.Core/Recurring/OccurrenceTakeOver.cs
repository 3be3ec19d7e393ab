using NodaTime;

namespace Invoicing.Core;

/// <summary>What a take-over of an unfinished occurrence found.</summary>
public enum OccurrenceTakeOverOutcome
{
    /// <summary>The claim had expired and its draft is still there: the caller owns it, the draft was replaced, issue it.</summary>
    TakenOver = 1,

    /// <summary>The claim had expired and its draft is gone, so it was issued: the store marked it issued, nothing to do.</summary>
    FoundIssued = 2,

    /// <summary>Another worker holds a live claim.</summary>
    Held = 3,

    /// <summary>Already marked issued.</summary>
    AlreadyIssued = 4,

    /// <summary>No occurrence has that draft id.</summary>
    Unknown = 5,
}

/// <summary>A worker's request to take over an occurrence whose claim expired before it was confirmed issued.</summary>
public sealed record OccurrenceTakeOverRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="draftId">The occurrence's draft id.</param>
    /// <param name="draft">The draft rebuilt for today (date of issue, current template); replaces the stored draft only if it still exists.</param>
    /// <param name="workerId">Who takes over.</param>
    /// <param name="now">The worker's clock reading.</param>
    /// <param name="leaseExpiresAt">Until when the new claim holds.</param>
    /// <exception cref="InvoiceValidationException">REC-CLAIM-WORKER, REC-CLAIM-LEASE or REC-CLAIM-DRAFT.</exception>
    public OccurrenceTakeOverRequest(DraftId draftId, Invoice draft, string workerId, Instant now, Instant leaseExpiresAt)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Number is not null)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("REC-CLAIM-DRAFT", "draft.number", "An occurrence draft has no number."));
        }

        WorkerId = ReminderRules.RequireText(workerId, "REC-CLAIM-WORKER", "workerId");
        ReminderRules.RequireAfter(leaseExpiresAt, now, "REC-CLAIM-LEASE", "leaseExpiresAt");
        DraftId = draftId;
        Draft = draft;
        Now = now;
        LeaseExpiresAt = leaseExpiresAt;
    }

    /// <summary>The occurrence's draft id.</summary>
    public DraftId DraftId { get; }

    /// <summary>The rebuilt draft.</summary>
    public Invoice Draft { get; }

    /// <summary>Who takes over.</summary>
    public string WorkerId { get; }

    /// <summary>The worker's clock reading.</summary>
    public Instant Now { get; }

    /// <summary>Until when the new claim holds.</summary>
    public Instant LeaseExpiresAt { get; }
}
