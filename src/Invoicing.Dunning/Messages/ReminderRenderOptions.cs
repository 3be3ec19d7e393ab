namespace Invoicing.Dunning;

/// <summary>How reminders are rendered.</summary>
public sealed record ReminderRenderOptions
{
    /// <summary>The templates; the built-in ones unless set.</summary>
    public ReminderTemplates Templates { get; init; } = ReminderTemplates.BuiltIn;

    /// <summary>The language of customers without one, and the fallback when a language has no template: <c>fr</c>.</summary>
    public string DefaultLanguage { get; init; } = "fr";

    /// <summary>The late-payment rate table; France unless set.</summary>
    public LatePaymentRateTable Rates { get; init; } = LatePaymentRateTable.France;

    /// <summary>Whether overdue reminders state late-payment interest and the recovery indemnity (French B2B): true.</summary>
    public bool StateLatePaymentCosts { get; init; } = true;

    /// <summary>The payment link, <c>{invoice}</c> replaced by the escaped invoice number; none when null.</summary>
    public string? PaymentLinkFormat { get; init; }

    /// <summary>The customer portal link, <c>{invoice}</c> and <c>{customer}</c> replaced (escaped); none when null.</summary>
    public string? PortalLinkFormat { get; init; }
}
