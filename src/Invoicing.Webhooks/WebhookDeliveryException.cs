using System.Net;

namespace Invoicing.Webhooks;

/// <summary>
/// A webhook could not be delivered: the receiver answered an error after the immediate retries, refused the event
/// (<see cref="Permanent"/>), or could not be reached. The event is not lost: its handler's cursor stays before it.
/// </summary>
public sealed class WebhookDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, naming the endpoint and the event.</param>
    /// <param name="statusCode">The receiver's last answer, or null when none came.</param>
    /// <param name="permanent">Whether the receiver refused the event for good (a 4xx other than 408 and 429).</param>
    /// <param name="innerException">The transport error, if any.</param>
    public WebhookDeliveryException(string message, HttpStatusCode? statusCode, bool permanent, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Permanent = permanent;
    }

    /// <summary>The receiver's last answer, or null when none came (connection refused, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Whether the receiver refused the event for good, so retrying at once was pointless.</summary>
    public bool Permanent { get; }
}
