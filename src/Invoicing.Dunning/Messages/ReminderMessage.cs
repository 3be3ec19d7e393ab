namespace Invoicing.Dunning;

/// <summary>A rendered reminder: subject and both parts, with the money it states.</summary>
/// <param name="Subject">The subject, on one line.</param>
/// <param name="TextBody">The plain-text part.</param>
/// <param name="HtmlBody">The HTML part; every value in it is HTML-escaped.</param>
/// <param name="Language">The language used.</param>
/// <param name="Costs">Late-payment interest and indemnity stated.</param>
/// <param name="Fee">The step's fee, or null.</param>
public sealed record ReminderMessage(string Subject, string TextBody, string HtmlBody, string Language, LatePaymentCosts Costs, decimal? Fee);
