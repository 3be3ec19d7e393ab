using Invoicing.Core;

namespace Invoicing.Dunning;

/// <summary>
/// Reminders repeated after the explicit steps of a policy: every <see cref="IntervalDays"/> days from
/// <see cref="FirstOffsetDays"/> up to <see cref="MaxOffsetDays"/> included.
/// </summary>
public sealed record RepeatingTail
{
    /// <summary>Creates a tail.</summary>
    /// <exception cref="InvoiceValidationException">An interval below 1 (DUN-TAIL-INTERVAL), a cap before the first offset or beyond 3650 (DUN-TAIL-MAX), a blank template (DUN-TAIL-TEMPLATE).</exception>
    public RepeatingTail(int firstOffsetDays, int intervalDays, int maxOffsetDays, ReminderLevel level, string templateId, bool attachInvoicePdf = true)
    {
        if (intervalDays < 1)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-TAIL-INTERVAL", "intervalDays", $"The repeat interval must be at least 1 day; got {intervalDays}."));
        }

        if (maxOffsetDays < firstOffsetDays || maxOffsetDays > 3650 || firstOffsetDays < -3650)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-TAIL-MAX", "maxOffsetDays", $"The cap ({maxOffsetDays}) must be between the first repeat ({firstOffsetDays}) and 3650 days."));
        }

        if (string.IsNullOrWhiteSpace(templateId))
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-TAIL-TEMPLATE", "templateId", "The repeated reminder needs a template id."));
        }

        FirstOffsetDays = firstOffsetDays;
        IntervalDays = intervalDays;
        MaxOffsetDays = maxOffsetDays;
        Level = level;
        TemplateId = templateId;
        AttachInvoicePdf = attachInvoicePdf;
    }

    /// <summary>The first repeat's offset from the due date.</summary>
    public int FirstOffsetDays { get; }

    /// <summary>Days between repeats.</summary>
    public int IntervalDays { get; }

    /// <summary>No repeat after this offset (the cap).</summary>
    public int MaxOffsetDays { get; }

    /// <summary>The level of repeated reminders.</summary>
    public ReminderLevel Level { get; }

    /// <summary>Their template.</summary>
    public string TemplateId { get; }

    /// <summary>Whether the invoice PDF is attached to them.</summary>
    public bool AttachInvoicePdf { get; }
}
