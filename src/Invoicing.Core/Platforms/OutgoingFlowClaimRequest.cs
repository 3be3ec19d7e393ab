using NodaTime;

namespace Invoicing.Core;

/// <summary>A worker's request to send an invoice to a platform.</summary>
/// <param name="InvoiceNumber">The issued invoice's number.</param>
/// <param name="Platform">The platform's stable name.</param>
/// <param name="TrackingId">Our id of the flow for a first claim; a take-over keeps the one recorded.</param>
/// <param name="WorkerId">Who claims.</param>
/// <param name="Now">The claim time.</param>
/// <param name="LeaseExpiresAt">Until when the claim is held; after <paramref name="Now"/>.</param>
public sealed record OutgoingFlowClaimRequest(string InvoiceNumber, string Platform, string TrackingId, string WorkerId, Instant Now, Instant LeaseExpiresAt)
{
    /// <summary>The longest invoice number, platform name, tracking id or worker id accepted.</summary>
    public const int MaxLength = 200;

    /// <summary>The longest tracking id accepted (the platforms' limit, XP Z12-013).</summary>
    public const int MaxTrackingIdLength = 64;

    /// <summary>Checks the request; a bad field fails naming it, before anything is stored.</summary>
    /// <exception cref="InvoiceValidationException">A field is blank or too long, or the lease ends before it starts.</exception>
    public void Validate()
    {
        ReminderRules.RequireText(InvoiceNumber, "FLOW-01", "invoiceNumber", MaxLength);
        ReminderRules.RequireText(Platform, "FLOW-02", "platform", MaxLength);
        ReminderRules.RequireText(TrackingId, "FLOW-03", "trackingId", MaxTrackingIdLength);
        ReminderRules.RequireText(WorkerId, "FLOW-04", "workerId", MaxLength);
        ReminderRules.RequireAfter(LeaseExpiresAt, Now, "FLOW-05", "leaseExpiresAt");
    }
}
