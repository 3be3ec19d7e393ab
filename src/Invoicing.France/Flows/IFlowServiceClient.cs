namespace Invoicing.France;

/// <summary>
/// The platform's Flow Service (AFNOR XP Z12-013): submit a flow (an invoice file with its flow info), find flows,
/// download their files, register webhooks, check the service. Every failure is a <see cref="FrenchPlatformException"/>
/// naming the platform's reason; a bad argument is an <see cref="Core.InvoiceValidationException"/> raised before any call.
/// </summary>
public interface IFlowServiceClient
{
    /// <summary>Submits a flow (<c>POST /v1/flows</c>): the platform takes it and checks it afterwards (see <see cref="PlatformFlow.AckStatus"/>).</summary>
    /// <param name="info">What the flow is; its <see cref="FlowInfo.TrackingId"/> is how to find it again.</param>
    /// <param name="file">The file: a Factur-X PDF, or CII, UBL or CDAR XML (at most 100 MB).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<FlowReceipt> SubmitAsync(FlowInfo info, ReadOnlyMemory<byte> file, CancellationToken cancellationToken = default);

    /// <summary>One page of the flows matching <paramref name="criteria"/> (<c>POST /v1/flows/search</c>).</summary>
    Task<FlowSearchPage> SearchAsync(FlowSearchCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>The flow with this id as the platform knows it (<c>GET /v1/flows/{flowId}</c>), or null when there is none.</summary>
    Task<PlatformFlow?> GetAsync(string flowId, CancellationToken cancellationToken = default);

    /// <summary>One file of a flow (<c>GET /v1/flows/{flowId}?docType=...</c>): the original, the converted or the readable one.</summary>
    Task<byte[]> DownloadAsync(string flowId, FlowDocumentType documentType, CancellationToken cancellationToken = default);

    /// <summary>Registers a webhook (<c>POST /v1/webhooks</c>); the answer carries the signing key, given only now.</summary>
    Task<FlowWebhook> CreateWebhookAsync(FlowWebhookSubscription subscription, CancellationToken cancellationToken = default);

    /// <summary>The webhooks this client registered (<c>GET /v1/webhooks</c>).</summary>
    Task<IReadOnlyList<FlowWebhook>> ListWebhooksAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes a webhook (<c>DELETE /v1/webhooks/{webhookUid}</c>); false when the platform does not know it.</summary>
    Task<bool> DeleteWebhookAsync(Guid webhookId, CancellationToken cancellationToken = default);

    /// <summary>Whether the Flow Service is up (<c>GET /v1/healthcheck</c>); false when it answers 5xx or not at all.</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default);
}
