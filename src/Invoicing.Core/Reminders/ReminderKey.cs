namespace Invoicing.Core;

/// <summary>
/// Identifies one reminder: a step of a dunning policy for one invoice. A journal holds at most one entry per
/// key, which is what makes a reminder go out at most once.
/// </summary>
public readonly record struct ReminderKey
{
    /// <summary>The longest invoice number or step id accepted, so every store can index the key.</summary>
    public const int MaxLength = 200;

    /// <summary>Creates a key.</summary>
    /// <param name="invoiceNumber">The invoice number (BT-1); not blank, at most <see cref="MaxLength"/> characters.</param>
    /// <param name="stepId">The policy step id (for example <c>d+13</c>); not blank, at most <see cref="MaxLength"/> characters.</param>
    /// <exception cref="InvoiceValidationException">A part is blank or too long (rules DUN-KEY-INVOICE, DUN-KEY-STEP).</exception>
    public ReminderKey(string invoiceNumber, string stepId)
    {
        InvoiceNumber = ReminderRules.RequireText(invoiceNumber, "DUN-KEY-INVOICE", "invoiceNumber");
        StepId = ReminderRules.RequireText(stepId, "DUN-KEY-STEP", "stepId");
    }

    /// <summary>The invoice number (BT-1).</summary>
    public string InvoiceNumber { get; }

    /// <summary>The policy step id.</summary>
    public string StepId { get; }

    /// <inheritdoc />
    public override string ToString() => $"{InvoiceNumber}/{StepId}";
}
