namespace Invoicing.Dunning;

/// <summary>
/// The ids and sources of the built-in reminder templates, in French and English. Liquid (Fluid) syntax; variables:
/// <c>customer_name</c>, <c>seller_name</c>, <c>invoice_number</c>, <c>issue_date</c>, <c>due_date</c>,
/// <c>amount_due</c>, <c>days_late</c> (a number), <c>days_before_due</c> (a number), <c>fee</c>, <c>interest</c>,
/// <c>annual_rate</c>, <c>indemnity</c>, <c>total_claimed</c>, <c>has_late_costs</c>, <c>has_fee</c>,
/// <c>payment_link</c>, <c>portal_link</c>, <c>level</c>. Amounts and dates come formatted for the language.
/// The invoice mail (<see cref="Invoice"/>) has the variables up to <c>amount_due</c>, the links, and <c>is_credit_note</c>.
/// </summary>
public static class BuiltInTemplates
{
    /// <summary>A courtesy reminder.</summary>
    public const string Friendly = "friendly";

    /// <summary>A firm reminder.</summary>
    public const string Firm = "firm";

    /// <summary>A formal notice.</summary>
    public const string FormalNotice = "formal-notice";

    /// <summary>The mail that sends an issued invoice or credit note to its buyer.</summary>
    public const string Invoice = "invoice";

    /// <summary>Every built-in template: (language, template id, subject, text, html).</summary>
    public static IReadOnlyList<(string Language, string TemplateId, string Subject, string Text, string Html)> All { get; } =
    [
        ("en", Friendly, EnglishTemplates.FriendlySubject, EnglishTemplates.FriendlyText, EnglishTemplates.FriendlyHtml),
        ("en", Firm, EnglishTemplates.FirmSubject, EnglishTemplates.FirmText, EnglishTemplates.FirmHtml),
        ("en", FormalNotice, EnglishTemplates.FormalSubject, EnglishTemplates.FormalText, EnglishTemplates.FormalHtml),
        ("en", Invoice, EnglishTemplates.InvoiceSubject, EnglishTemplates.InvoiceText, EnglishTemplates.InvoiceHtml),
        ("fr", Friendly, FrenchTemplates.FriendlySubject, FrenchTemplates.FriendlyText, FrenchTemplates.FriendlyHtml),
        ("fr", Firm, FrenchTemplates.FirmSubject, FrenchTemplates.FirmText, FrenchTemplates.FirmHtml),
        ("fr", FormalNotice, FrenchTemplates.FormalSubject, FrenchTemplates.FormalText, FrenchTemplates.FormalHtml),
        ("fr", Invoice, FrenchTemplates.InvoiceSubject, FrenchTemplates.InvoiceText, FrenchTemplates.InvoiceHtml),
    ];
}
