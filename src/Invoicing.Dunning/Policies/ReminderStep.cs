using System.Globalization;
using Invoicing.Core;

namespace Invoicing.Dunning;

/// <summary>One step of a dunning policy: a reminder sent a number of days from the due date.</summary>
public sealed record ReminderStep
{
    /// <summary>Creates a step.</summary>
    /// <param name="offsetDays">Days from the due date: negative before, 0 on the day, positive after; within ±3650.</param>
    /// <param name="level">How insistent the reminder is.</param>
    /// <param name="templateId">The message template (built in: <c>friendly</c>, <c>firm</c>, <c>formal-notice</c>).</param>
    /// <param name="fee">A fee charged with this reminder, in the invoice currency; null for none, never negative.</param>
    /// <param name="attachInvoicePdf">Whether the invoice PDF goes with the reminder.</param>
    /// <exception cref="InvoiceValidationException">An offset out of range (DUN-STEP-OFFSET), a blank template (DUN-STEP-TEMPLATE) or a negative fee (DUN-STEP-FEE).</exception>
    public ReminderStep(int offsetDays, ReminderLevel level, string templateId, decimal? fee = null, bool attachInvoicePdf = false)
    {
        if (offsetDays is < -3650 or > 3650)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-STEP-OFFSET", "offsetDays", $"A step's offset must be within -3650..3650 days; got {offsetDays}."));
        }

        if (string.IsNullOrWhiteSpace(templateId))
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-STEP-TEMPLATE", "templateId", "A step needs a template id."));
        }

        if (fee < 0m)
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-STEP-FEE", "fee", $"A step's fee may not be negative; got {fee.Value.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (!Enum.IsDefined(level))
        {
            throw new InvoiceValidationException(ValidationIssue.Error("DUN-STEP-LEVEL", "level", $"Unknown reminder level {(int)level}."));
        }

        OffsetDays = offsetDays;
        Level = level;
        TemplateId = templateId;
        Fee = fee;
        AttachInvoicePdf = attachInvoicePdf;
        Id = IdFor(offsetDays);
    }

    /// <summary>
    /// The step id, derived from the offset (<c>d-7</c>, <c>d+0</c>, <c>d+13</c>): stable when a policy is edited,
    /// so a step already journaled is recognised and never sent twice.
    /// </summary>
    public string Id { get; }

    /// <summary>Days from the due date (negative = before).</summary>
    public int OffsetDays { get; }

    /// <summary>How insistent the reminder is.</summary>
    public ReminderLevel Level { get; }

    /// <summary>The message template.</summary>
    public string TemplateId { get; }

    /// <summary>A fee charged with this reminder, or null.</summary>
    public decimal? Fee { get; }

    /// <summary>Whether the invoice PDF is attached.</summary>
    public bool AttachInvoicePdf { get; }

    /// <summary>The step id of an offset.</summary>
    public static string IdFor(int offsetDays) => offsetDays < 0
        ? "d" + offsetDays.ToString(CultureInfo.InvariantCulture)
        : "d+" + offsetDays.ToString(CultureInfo.InvariantCulture);
}
