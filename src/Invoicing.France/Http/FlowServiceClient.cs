using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.France.Http;

/// <summary>The Flow Service over HTTP, with the shapes of <c>flow-service-1.3.0.json</c>.</summary>
internal sealed class FlowServiceClient(IHttpClientFactory httpClients, IOptionsMonitor<FrenchPlatformOptions> options) : IFlowServiceClient
{
    /// <summary>The name of the <see cref="HttpClient"/> of the Flow Service.</summary>
    public const string ClientName = "Invoicing.France.Flow";

    private PlatformHttp Http => new(httpClients.CreateClient(ClientName), options);

    public async Task<FlowReceipt> SubmitAsync(FlowInfo info, ReadOnlyMemory<byte> file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        var name = PlatformInput.Text(info.Name, "flowInfo.name", 255, "PA-FLOW-NAME", "A flow's name");
        var trackingId = info.TrackingId is null ? null : PlatformInput.Text(info.TrackingId, "flowInfo.trackingId", 64, "PA-TRACKING-ID", "A flow's tracking id");
        PlatformInput.File(file);

        var dto = new FlowInfoDto(trackingId, name, info.ProcessingRule, info.Syntax, info.Profile, Convert.ToHexStringLower(SHA256.HashData(file.Span)));
        var fileContent = new ReadOnlyMemoryContent(file);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue(info.Syntax == FlowSyntax.FacturX ? "application/pdf" : "application/xml");
        using var form = new MultipartFormDataContent
        {
            { PlatformHttp.Json(dto, PlatformJsonContext.Default.FlowInfoDto), "flowInfo" },
            { fileContent, "file", name },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/flows") { Content = form };
        var receipt = await Http.ReadAsync(request, PlatformJsonContext.Default.FullFlowInfoDto, $"take the flow '{name}'", cancellationToken).ConfigureAwait(false);
        return new FlowReceipt(receipt!.FlowId, Instant.FromDateTimeOffset(receipt.SubmittedAt), receipt.TrackingId);
    }

    public async Task<FlowSearchPage> SearchAsync(FlowSearchCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Limit is < 1 or > 100)
        {
            throw PlatformInput.Invalid("PA-SEARCH", "limit", $"A search returns 1 to 100 flows per page; {criteria.Limit} is not allowed.");
        }

        var trackingId = criteria.TrackingId is null ? null : PlatformInput.Text(criteria.TrackingId, "trackingId", 64, "PA-TRACKING-ID", "A flow's tracking id");
        if (trackingId is null && criteria.UpdatedAfter is null && criteria.UpdatedBefore is null && criteria.Types.Count == 0 && criteria.Direction is null && criteria.AckStatus is null)
        {
            throw PlatformInput.Invalid("PA-SEARCH", "criteria", "A flow search needs at least one criterion (tracking id, dates, types, direction or acknowledgement).");
        }

        var where = new SearchFlowFiltersDto(
            criteria.UpdatedAfter?.ToDateTimeOffset(),
            criteria.UpdatedBefore?.ToDateTimeOffset(),
            criteria.Types.Count == 0 ? null : criteria.Types,
            criteria.Direction is { } direction ? [direction] : null,
            trackingId,
            criteria.AckStatus);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/flows/search")
        {
            Content = PlatformHttp.Json(new SearchFlowParamsDto(criteria.Limit, criteria.Cursor, where), PlatformJsonContext.Default.SearchFlowParamsDto),
        };
        var page = await Http.ReadAsync(request, PlatformJsonContext.Default.SearchFlowContentDto, "search flows", cancellationToken).ConfigureAwait(false);
        return new FlowSearchPage([.. (page!.Results ?? []).Select(FlowMapping.ToFlow)], page.NextCursor);
    }

    public async Task<PlatformFlow?> GetAsync(string flowId, CancellationToken cancellationToken = default)
    {
        var id = PlatformInput.Text(flowId, "flowId", 64, "PA-FLOW-ID", "A flow id");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/flows/{Uri.EscapeDataString(id)}?docType=Metadata");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var flow = await Http.ReadAsync(request, PlatformJsonContext.Default.FlowDto, $"give the flow {id}", cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
        return flow is null ? null : FlowMapping.ToFlow(flow);
    }

    public async Task<byte[]> DownloadAsync(string flowId, FlowDocumentType documentType, CancellationToken cancellationToken = default)
    {
        var id = PlatformInput.Text(flowId, "flowId", 64, "PA-FLOW-ID", "A flow id");
        if (!Enum.IsDefined(documentType))
        {
            throw PlatformInput.Invalid("PA-DOC-TYPE", "docType", $"{documentType} is not a flow file (original, converted or readable view).");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/flows/{Uri.EscapeDataString(id)}?docType={documentType.ToString()}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/octet-stream"));
        using var response = await Http.SendAsync(request, $"give the {documentType.ToString().ToLowerInvariant()} file of the flow {id}", cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<FlowWebhook> CreateWebhookAsync(FlowWebhookSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (subscription.CallbackUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw PlatformInput.Invalid("PA-WEBHOOK", "callbackUrl", $"A webhook's callback must be an absolute http or https URL; '{subscription.CallbackUrl}' is not.");
        }

        var dto = new WebhookParamsDto(url.AbsoluteUri, subscription.Types.Count == 0 ? null : subscription.Types, subscription.Direction, subscription.AckStatus);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/webhooks") { Content = PlatformHttp.Json(dto, PlatformJsonContext.Default.WebhookParamsDto) };
        var created = await Http.ReadAsync(request, PlatformJsonContext.Default.WebhookDto, $"register the webhook {url}", cancellationToken).ConfigureAwait(false);
        return FlowMapping.ToWebhook(created! with { CallbackUrl = created.CallbackUrl ?? url.AbsoluteUri });
    }

    public async Task<IReadOnlyList<FlowWebhook>> ListWebhooksAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/webhooks");
        var list = await Http.ReadAsync(request, PlatformJsonContext.Default.WebhookListDto, "list the webhooks", cancellationToken).ConfigureAwait(false);
        return list!.Webhooks is { } webhooks
            ? [.. webhooks.Select(FlowMapping.ToWebhook)]
            : [.. (list.WebhookIds ?? []).Select(id => new FlowWebhook(id, null, null, null))];
    }

    public async Task<bool> DeleteWebhookAsync(Guid webhookId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"v1/webhooks/{webhookId.ToString("D", CultureInfo.InvariantCulture)}");
        using var response = await Http.SendAsync(request, $"remove the webhook {webhookId}", cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => Health.CheckAsync(Http, "check the Flow Service", cancellationToken);
}
