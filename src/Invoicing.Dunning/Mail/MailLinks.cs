namespace Invoicing.Dunning;

/// <summary>The links a mail about an invoice carries: the customer portal and the payment page; each absent when null.</summary>
/// <param name="PortalLink">Where the customer sees their invoices (a signed, expiring link from a portal).</param>
/// <param name="PaymentLink">Where the customer pays the invoice's open balance.</param>
public sealed record MailLinks(string? PortalLink, string? PaymentLink)
{
    /// <summary>No links.</summary>
    public static MailLinks None { get; } = new(null, null);
}
