using Invoicing.Core;

namespace Invoicing.Webhooks;

/// <summary>One webhook endpoint: where events are POSTed, the secret that signs them, and how failures are retried.</summary>
public sealed class WebhookEndpointOptions
{
    /// <summary>The shortest secret accepted: 32 characters (a random 256-bit value in hex or base64 is longer).</summary>
    public const int MinSecretLength = 32;

    /// <summary>The receiver's URL, absolute http or https. Required.</summary>
    public Uri? Url { get; set; }

    /// <summary>The shared secret that signs each request (see <see cref="WebhookSignature"/>); at least <see cref="MinSecretLength"/> characters. Required.</summary>
    public string? Secret { get; set; }

    /// <summary>The kinds sent to this endpoint; empty (the default) sends every kind. Others are passed over, not sent.</summary>
    public ISet<InvoiceEventKind> Kinds { get; } = new HashSet<InvoiceEventKind>();

    /// <summary>Immediate retries of a request that failed transiently (5xx, 408, 429, timeout, connection), with exponential backoff and jitter. 0 to 10; default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The delay before the first immediate retry, doubled at each. Default: 1 second.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take. Default: 10 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// What to do when the receiver refuses an event for good (a 4xx other than 408 and 429, never retried at once).
    /// False (the default): the delivery fails, and the event comes again after the dispatcher's backoff, so a receiver
    /// misconfigured (a wrong secret, a 401) loses nothing once fixed, but later events wait behind it. True: the refusal
    /// is logged as an error and the endpoint moves on to the next event.
    /// </summary>
    public bool SkipRejectedEvents { get; set; }
}
