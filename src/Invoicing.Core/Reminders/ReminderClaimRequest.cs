using NodaTime;

namespace Invoicing.Core;

/// <summary>A worker's request to take a reminder for sending.</summary>
public sealed record ReminderClaimRequest
{
    /// <summary>Creates a request; the journal does not read a clock, the worker passes its clock's reading.</summary>
    /// <param name="key">The invoice and step.</param>
    /// <param name="workerId">Who claims; not blank.</param>
    /// <param name="messageId">The Message-ID to use if the entry is new; an existing entry keeps its own.</param>
    /// <param name="plannedFor">The day the reminder was planned for.</param>
    /// <param name="now">The worker's clock reading.</param>
    /// <param name="leaseExpiresAt">Until when the claim holds; after <paramref name="now"/>.</param>
    /// <exception cref="InvoiceValidationException">A blank worker id or Message-ID (DUN-CLAIM-WORKER, DUN-CLAIM-MESSAGE-ID), or a lease that ends before it starts (DUN-CLAIM-LEASE).</exception>
    public ReminderClaimRequest(ReminderKey key, string workerId, string messageId, LocalDate plannedFor, Instant now, Instant leaseExpiresAt)
    {
        if (key.InvoiceNumber is null)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-KEY-INVOICE", "key", "The reminder key is empty."));
        }

        Key = key;
        WorkerId = ReminderRules.RequireText(workerId, "DUN-CLAIM-WORKER", "workerId");
        MessageId = ReminderRules.RequireText(messageId, "DUN-CLAIM-MESSAGE-ID", "messageId", 998);
        ReminderRules.RequireAfter(leaseExpiresAt, now, "DUN-CLAIM-LEASE", "leaseExpiresAt");
        PlannedFor = plannedFor;
        Now = now;
        LeaseExpiresAt = leaseExpiresAt;
    }

    /// <summary>The invoice and step.</summary>
    public ReminderKey Key { get; }

    /// <summary>Who claims.</summary>
    public string WorkerId { get; }

    /// <summary>The Message-ID for a new entry.</summary>
    public string MessageId { get; }

    /// <summary>The day the reminder was planned for.</summary>
    public LocalDate PlannedFor { get; }

    /// <summary>The worker's clock reading.</summary>
    public Instant Now { get; }

    /// <summary>Until when the claim holds.</summary>
    public Instant LeaseExpiresAt { get; }
}
