namespace Invoicing.Payments;

/// <summary>
/// A payment provider that gives a customer a page to pay an open invoice online (a hosted checkout). The host puts the
/// link in the invoice e-mail, the reminder or the portal; the payment comes back as a <see cref="PaymentReceived"/>
/// through the provider's webhook and is recorded by <see cref="IPaymentRecorder"/>.
/// </summary>
public interface IPaymentLinkProvider
{
    /// <summary>The provider's name, as it appears in <see cref="PaymentReceived.Provider"/> (for example <c>stripe</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Creates a link for <paramref name="request"/>: a page asking for <see cref="PaymentLinkRequest.Amount"/> in
    /// <see cref="PaymentLinkRequest.Currency"/>, carrying the invoice number as its reference, usable until
    /// <see cref="PaymentLinkRequest.ExpiresAt"/>. Build the request with <see cref="PaymentLinkRequest.ForOpenBalance"/>
    /// so the amount is the open balance.
    /// </summary>
    /// <exception cref="Core.InvoiceValidationException">The request is one the provider cannot accept (the expiry outside its window, an amount it refuses).</exception>
    /// <exception cref="PaymentProviderException">The provider refused or could not be reached; the message says why in the user's words.</exception>
    Task<PaymentLink> CreateLinkAsync(PaymentLinkRequest request, CancellationToken cancellationToken = default);
}
