using NodaTime;

namespace Invoicing.France.Http;

/// <summary>Wire shapes of the Flow Service to the package's records, in one place for the client and the webhook.</summary>
internal static class FlowMapping
{
    public static PlatformFlow ToFlow(FlowDto dto) => new(
        dto.FlowId,
        dto.TrackingId,
        dto.Name,
        dto.FlowSyntax,
        dto.FlowProfile,
        dto.ProcessingRule,
        dto.FlowType,
        dto.FlowDirection,
        Instant.FromDateTimeOffset(dto.SubmittedAt),
        Instant.FromDateTimeOffset(dto.UpdatedAt),
        dto.Acknowledgement.Status,
        dto.Acknowledgement.Details is { } details
            ? [.. details.Select(d => new FlowAcknowledgementDetail(d.Level == "Error", d.Item, d.ReasonCode, d.ReasonMessage))]
            : []);

    public static FlowWebhook ToWebhook(WebhookDto dto) => new(
        dto.WebhookId,
        Uri.TryCreate(dto.CallbackUrl, UriKind.Absolute, out var url) ? url : null,
        dto.SigningKey,
        dto.CreatedAt is { } created ? Instant.FromDateTimeOffset(created) : null);
}
