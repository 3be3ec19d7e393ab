using NodaTime;

namespace Invoicing.Payments;

/// <summary>How the payment links put in invoice and reminder mails are made.</summary>
public sealed class PaymentMailLinkOptions
{
    /// <summary>Where the customer lands after paying (absolute http or https); required.</summary>
    public Uri? SuccessUrl { get; set; }

    /// <summary>Where the customer lands when giving up (absolute http or https); required.</summary>
    public Uri? CancelUrl { get; set; }

    /// <summary>
    /// How long a mailed link accepts payment: 24 hours, the longest a Stripe Checkout Session lives. A customer who
    /// opens the mail later pays from the portal, whose Pay button makes a fresh link.
    /// </summary>
    public Duration LinkLifetime { get; set; } = Duration.FromHours(24);
}
