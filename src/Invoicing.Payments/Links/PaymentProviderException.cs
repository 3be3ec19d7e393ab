namespace Invoicing.Payments;

/// <summary>
/// Thrown when a payment provider refuses a request or cannot be reached. The message is written for the person who
/// configures or uses the host (never the provider library's own text); <see cref="Transient"/> says whether trying again
/// later may succeed.
/// </summary>
public sealed class PaymentProviderException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="code">A short stable code for the failure (for example <c>authentication</c>, <c>rate-limited</c>, <c>unavailable</c>).</param>
    /// <param name="message">What went wrong, in the user's words.</param>
    /// <param name="transient">Whether trying again later may succeed.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public PaymentProviderException(string provider, string code, string message, bool transient, Exception? innerException = null)
        : base(message, innerException)
    {
        Provider = provider;
        Code = code;
        Transient = transient;
    }

    /// <summary>The provider's name.</summary>
    public string Provider { get; }

    /// <summary>A short stable code for the failure.</summary>
    public string Code { get; }

    /// <summary>Whether trying again later may succeed (the provider was busy or unavailable).</summary>
    public bool Transient { get; }
}
