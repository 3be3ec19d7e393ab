using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Invoicing.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Webhooks;

/// <summary>
/// POSTs each event as JSON (<see cref="InvoiceEventJson.Serialize"/>) to one endpoint, signed. Transient failures are
/// retried at once by the HTTP client's resilience pipeline; what is still failing after them throws, so the dispatcher
/// keeps the event and tries again after its backoff. Each endpoint is its own handler, with its own cursor.
/// </summary>
internal sealed partial class WebhookEventHandler(string endpointName, IHttpClientFactory clients, IOptionsMonitor<WebhookEndpointOptions> options, IClock clock, ILogger logger) : IInvoiceEventHandler
{
    public const string NamePrefix = "webhook:";

    public string Name { get; } = NamePrefix + endpointName;

    public static string ClientName(string endpointName) => "Invoicing.Webhooks." + endpointName;

    public async Task HandleAsync(InvoiceEvent invoiceEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoiceEvent);
        var endpoint = options.Get(endpointName);
        if (endpoint.Kinds.Count > 0 && !endpoint.Kinds.Contains(invoiceEvent.Kind))
        {
            return;
        }

        var body = InvoiceEventJson.Serialize(invoiceEvent);
        var type = InvoiceEventKinds.Name(invoiceEvent.Kind);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.EventIdHeader, invoiceEvent.Id.ToString("D"));
        request.Headers.Add(WebhookSignature.EventTypeHeader, type);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(endpoint.Secret!, clock.GetCurrentInstant().ToUnixTimeSeconds(), body));

        var client = clients.CreateClient(ClientName(endpointName));
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new WebhookDeliveryException($"Webhook '{endpointName}' could not reach {endpoint.Url} for event {type} {invoiceEvent.Id}: {exception.Message}", null, permanent: false, exception);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var status = response.StatusCode;
            var permanent = IsPermanent(status);
            var message = string.Create(CultureInfo.InvariantCulture, $"Webhook '{endpointName}' answered {(int)status} for event {type} {invoiceEvent.Id}{(permanent ? " (refused; not retried at once)" : " after the retries")}.");
            if (permanent && endpoint.SkipRejectedEvents)
            {
                LogSkipped(logger, endpointName, (int)status, type, invoiceEvent.Id);
                return;
            }

            throw new WebhookDeliveryException(message, status, permanent);
        }
    }

    /// <summary>A 4xx other than 408 Request Timeout and 429 Too Many Requests: the receiver refused this request for good.</summary>
    public static bool IsPermanent(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not HttpStatusCode.RequestTimeout and not HttpStatusCode.TooManyRequests;

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {Endpoint} refused event {Kind} {EventId} with {Status}; skipped (SkipRejectedEvents).")]
    private static partial void LogSkipped(ILogger logger, string endpoint, int status, string kind, Guid eventId);
}
