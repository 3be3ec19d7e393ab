using NodaTime;

namespace Invoicing.Core;

/// <summary>
/// A worker's request to claim one or more consecutive periods of a schedule for one invoice: the store records a
/// ledger row per period and saves the draft, in one transaction, only when the schedule is still billed through
/// <see cref="ExpectedBilledThrough"/> and not paused. Of several workers planning the same periods, one claims them.
/// </summary>
public sealed record OccurrenceClaimRequest
{
    /// <summary>Creates a request; the store reads no clock, the worker passes its clock's reading.</summary>
    /// <exception cref="InvoiceValidationException">REC-CLAIM-PERIODS (none, or not consecutive after the expected billed-through day), REC-CLAIM-WORKER, REC-CLAIM-LEASE, REC-CLAIM-DRAFT.</exception>
    public OccurrenceClaimRequest(
        string scheduleId,
        IReadOnlyList<BillingPeriod> periods,
        LocalDate? expectedBilledThrough,
        DraftId draftId,
        Invoice draft,
        string workerId,
        Instant now,
        Instant leaseExpiresAt,
        Instant? nextDueAt)
    {
        ScheduleId = ReminderRules.RequireText(scheduleId, "REC-ID", "scheduleId", RecurringSchedule.MaxIdLength);
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            throw Refuse("REC-CLAIM-PERIODS", "periods", "A claim names at least one period.");
        }

        for (var i = 0; i < periods.Count; i++)
        {
            var previousEnd = i == 0 ? expectedBilledThrough : periods[i - 1].End;
            if (periods[i].End < periods[i].Start || (previousEnd is { } end && periods[i].Start <= end) || (i > 0 && periods[i].Start != periods[i - 1].End.PlusDays(1)))
            {
                throw Refuse("REC-CLAIM-PERIODS", $"periods[{i}]", "The periods of a claim follow each other, after the day the schedule is billed through.");
            }
        }

        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Number is not null)
        {
            throw Refuse("REC-CLAIM-DRAFT", "draft.number", "An occurrence draft has no number.");
        }

        WorkerId = ReminderRules.RequireText(workerId, "REC-CLAIM-WORKER", "workerId");
        ReminderRules.RequireAfter(leaseExpiresAt, now, "REC-CLAIM-LEASE", "leaseExpiresAt");
        Periods = [.. periods];
        ExpectedBilledThrough = expectedBilledThrough;
        DraftId = draftId;
        Draft = draft;
        Now = now;
        LeaseExpiresAt = leaseExpiresAt;
        NextDueAt = nextDueAt;
    }

    /// <summary>The schedule.</summary>
    public string ScheduleId { get; }

    /// <summary>The periods claimed, consecutive, oldest first.</summary>
    public IReadOnlyList<BillingPeriod> Periods { get; }

    /// <summary>The day the schedule must be billed through for the claim to succeed (null: never billed).</summary>
    public LocalDate? ExpectedBilledThrough { get; }

    /// <summary>The draft id, derived from the schedule and the first period.</summary>
    public DraftId DraftId { get; }

    /// <summary>The occurrence's draft.</summary>
    public Invoice Draft { get; }

    /// <summary>Who claims.</summary>
    public string WorkerId { get; }

    /// <summary>The worker's clock reading.</summary>
    public Instant Now { get; }

    /// <summary>Until when the claim holds.</summary>
    public Instant LeaseExpiresAt { get; }

    /// <summary>When the period after these falls due (stored with the schedule); null when these are the last.</summary>
    public Instant? NextDueAt { get; }

    private static InvoiceValidationException Refuse(string rule, string path, string message) => new(ValidationIssue.Error(rule, path, message));
}
