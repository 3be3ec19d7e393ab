using NodaTime;

namespace Invoicing.Payments;

/// <summary>A page where the customer pays an invoice, made by an <see cref="IPaymentLinkProvider"/>.</summary>
/// <param name="Url">The page to send the customer to.</param>
/// <param name="ProviderReference">The provider's id of the page (a Stripe Checkout Session id), to find it in the provider's dashboard.</param>
/// <param name="ExpiresAt">When the page stops accepting payment; make a new link after it.</param>
public sealed record PaymentLink(Uri Url, string ProviderReference, Instant ExpiresAt);
