using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Invoicing.Crm.Http;

/// <summary>
/// Sends one API request through the connector's typed client and reads the JSON answer. Whatever goes wrong
/// (the CRM unreachable, an error status left after the retries, a body that does not parse, the circuit open)
/// comes out as a <see cref="CrmException"/> naming the source and what was being read.
/// </summary>
internal sealed class CrmApi(HttpClient client, string source)
{
    /// <summary>The source's name, as errors give it.</summary>
    public string Source => source;

    /// <summary>
    /// Sends the request and parses the body; null when the CRM says there is nothing (204, or 304 to an
    /// <c>If-Modified-Since</c>). <paramref name="what"/> names the call in errors ("deals page").
    /// </summary>
    /// <param name="request">The request, disposed here.</param>
    /// <param name="what">What is asked for, as errors name it.</param>
    /// <param name="notFoundIsNull">Whether a 404 means "no such record" (null) rather than an error.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<JsonDocument?> SendAsync(HttpRequestMessage request, string what, bool notFoundIsNull, CancellationToken cancellationToken)
    {
        using var owned = request;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            throw CrmErrors.Unreachable(source, what, exception);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotModified
                || (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound))
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var code = await ReadErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
                throw status is 429 or >= 500
                    ? CrmErrors.Unreachable(source, $"{what} (still {status}{(code is null ? string.Empty : " " + code)} after the retries)", null)
                    : CrmErrors.Refused(source, what, status, code);
            }

            return await CrmJson.ParseAsync(response, new CrmRecordRef(source, what), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A JSON request body written by <paramref name="write"/>: no reflection, so the connectors stay trimmable.</summary>
    public static HttpContent JsonBody(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>
    /// Whether an exception from sending is the network's or the pipeline's (connection refused, timeout, circuit
    /// open) rather than the caller cancelling, which must stay an <see cref="OperationCanceledException"/>.
    /// </summary>
    public static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        HttpRequestException or TimeoutRejectedException or BrokenCircuitException or OperationCanceledException => true,
        _ => false,
    };

    /// <summary>
    /// The CRM's error code, when its error body carries one: Salesforce <c>[{"errorCode"}]</c>, HubSpot
    /// <c>{"category"}</c>, Zoho <c>{"code"}</c>, OAuth <c>{"error"}</c>. Only the code, shortened: a message may quote user data.
    /// </summary>
    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(
                await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), default, cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0)
            {
                root = root[0];
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var name in (ReadOnlySpan<string>)["errorCode", "category", "code", "error"])
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return CrmErrors.Excerpt(value.GetString());
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
