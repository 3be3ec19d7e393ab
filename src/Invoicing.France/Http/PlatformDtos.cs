using System.Text.Json.Serialization;

namespace Invoicing.France.Http;

// The wire shapes of the XP Z12-013 Flow and Directory services, named as the OpenAPI documents name them.
// They stay internal: hosts see the records of Invoicing.France, which carry NodaTime values and no wire detail.


internal sealed record FlowInfoDto(
    [property: JsonPropertyName("trackingId")] string? TrackingId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("processingRule")] ProcessingRule? ProcessingRule,
    [property: JsonPropertyName("flowSyntax")] FlowSyntax FlowSyntax,
    [property: JsonPropertyName("flowProfile")] FlowProfile? FlowProfile,
    [property: JsonPropertyName("sha256")] string? Sha256);

internal sealed record FullFlowInfoDto(
    [property: JsonPropertyName("flowId")] string FlowId,
    [property: JsonPropertyName("submittedAt")] DateTimeOffset SubmittedAt,
    [property: JsonPropertyName("trackingId")] string? TrackingId);

internal sealed record AcknowledgementDetailDto(
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("item")] string Item,
    [property: JsonPropertyName("reasonCode")] string ReasonCode,
    [property: JsonPropertyName("reasonMessage")] string ReasonMessage);

internal sealed record AcknowledgementDto(
    [property: JsonPropertyName("status")] FlowAckStatus Status,
    [property: JsonPropertyName("details")] IReadOnlyList<AcknowledgementDetailDto>? Details);

internal sealed record FlowDto(
    [property: JsonPropertyName("flowId")] string FlowId,
    [property: JsonPropertyName("trackingId")] string? TrackingId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("processingRule")] ProcessingRule ProcessingRule,
    [property: JsonPropertyName("flowSyntax")] FlowSyntax FlowSyntax,
    [property: JsonPropertyName("flowProfile")] FlowProfile FlowProfile,
    [property: JsonPropertyName("submittedAt")] DateTimeOffset SubmittedAt,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("flowType")] FlowType FlowType,
    [property: JsonPropertyName("flowDirection")] FlowDirection FlowDirection,
    [property: JsonPropertyName("acknowledgement")] AcknowledgementDto Acknowledgement);

internal sealed record SearchFlowFiltersDto(
    [property: JsonPropertyName("updatedAfter")] DateTimeOffset? UpdatedAfter,
    [property: JsonPropertyName("updatedBefore")] DateTimeOffset? UpdatedBefore,
    [property: JsonPropertyName("flowType")] IReadOnlyList<FlowType>? FlowType,
    [property: JsonPropertyName("flowDirection")] IReadOnlyList<FlowDirection>? FlowDirection,
    [property: JsonPropertyName("trackingId")] string? TrackingId,
    [property: JsonPropertyName("ackStatus")] FlowAckStatus? AckStatus);

internal sealed record SearchFlowParamsDto(
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("cursor")] string? Cursor,
    [property: JsonPropertyName("where")] SearchFlowFiltersDto Where);

internal sealed record SearchFlowContentDto(
    [property: JsonPropertyName("nextCursor")] string? NextCursor,
    [property: JsonPropertyName("results")] IReadOnlyList<FlowDto>? Results);

internal sealed record WebhookParamsDto(
    [property: JsonPropertyName("callbackUrl")] string CallbackUrl,
    [property: JsonPropertyName("flowTypes")] IReadOnlyList<FlowType>? FlowTypes,
    [property: JsonPropertyName("flowDirection")] FlowDirection? FlowDirection,
    [property: JsonPropertyName("ackStatus")] FlowAckStatus? AckStatus);

internal sealed record WebhookDto(
    [property: JsonPropertyName("webhookId")] Guid WebhookId,
    [property: JsonPropertyName("signingKey")] string? SigningKey,
    [property: JsonPropertyName("createdAt")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("callbackUrl")] string? CallbackUrl,
    [property: JsonPropertyName("flowTypes")] IReadOnlyList<FlowType>? FlowTypes,
    [property: JsonPropertyName("flowDirection")] FlowDirection? FlowDirection,
    [property: JsonPropertyName("ackStatus")] FlowAckStatus? AckStatus);

// The document requires "count" and "webhookIds" but describes the list under "webhooks": both are read.
internal sealed record WebhookListDto(
    [property: JsonPropertyName("count")] int? Count,
    [property: JsonPropertyName("webhooks")] IReadOnlyList<WebhookDto>? Webhooks,
    [property: JsonPropertyName("webhookIds")] IReadOnlyList<Guid>? WebhookIds);

internal sealed record ErrorDto(
    [property: JsonPropertyName("errorCode")] string? ErrorCode,
    [property: JsonPropertyName("errorMessage")] string? ErrorMessage,
    [property: JsonPropertyName("details")] string? Details);

internal sealed record TokenDto(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] long? ExpiresIn,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);

internal sealed record LegalUnitDto(
    [property: JsonPropertyName("siren")] string? Siren,
    [property: JsonPropertyName("businessName")] string? BusinessName,
    [property: JsonPropertyName("entityType")] string? EntityType,
    [property: JsonPropertyName("administrativeStatus")] string? AdministrativeStatus);

internal sealed record FacilityDto(
    [property: JsonPropertyName("siret")] string? Siret,
    [property: JsonPropertyName("siren")] string? Siren,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("facilityType")] string? FacilityType,
    [property: JsonPropertyName("administrativeStatus")] string? AdministrativeStatus);

internal sealed record RoutingCodeDto(
    [property: JsonPropertyName("routingIdentifier")] string? RoutingIdentifier,
    [property: JsonPropertyName("siret")] string? Siret,
    [property: JsonPropertyName("routingCodeName")] string? RoutingCodeName,
    [property: JsonPropertyName("managesLegalCommitmentCode")] bool? ManagesLegalCommitmentCode,
    [property: JsonPropertyName("administrativeStatus")] string? AdministrativeStatus);

internal sealed record DirectoryLineDto(
    [property: JsonPropertyName("addressingIdentifier")] string? AddressingIdentifier,
    [property: JsonPropertyName("platformType")] string? PlatformType,
    [property: JsonPropertyName("directoryLineStatus")] DirectoryLineStatus? DirectoryLineStatus,
    [property: JsonPropertyName("siren")] string? Siren,
    [property: JsonPropertyName("siret")] string? Siret,
    [property: JsonPropertyName("routingIdentifier")] string? RoutingIdentifier,
    [property: JsonPropertyName("addressingSuffix")] string? AddressingSuffix);

internal sealed record StrictFilterDto(
    [property: JsonPropertyName("op")] string Op,
    [property: JsonPropertyName("value")] string Value);

internal sealed record DirectoryLineFiltersDto(
    [property: JsonPropertyName("siren")] StrictFilterDto? Siren,
    [property: JsonPropertyName("siret")] StrictFilterDto? Siret,
    [property: JsonPropertyName("routingIdentifier")] StrictFilterDto? RoutingIdentifier);

internal sealed record SearchDirectoryLineDto(
    [property: JsonPropertyName("filters")] DirectoryLineFiltersDto Filters,
    [property: JsonPropertyName("limit")] int Limit);

internal sealed record DirectoryLineSearchResponseDto(
    [property: JsonPropertyName("results")] IReadOnlyList<DirectoryLineDto>? Results);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FlowInfoDto))]
[JsonSerializable(typeof(FullFlowInfoDto))]
[JsonSerializable(typeof(FlowDto))]
[JsonSerializable(typeof(SearchFlowParamsDto))]
[JsonSerializable(typeof(SearchFlowContentDto))]
[JsonSerializable(typeof(WebhookParamsDto))]
[JsonSerializable(typeof(WebhookDto))]
[JsonSerializable(typeof(WebhookListDto))]
[JsonSerializable(typeof(ErrorDto))]
[JsonSerializable(typeof(TokenDto))]
[JsonSerializable(typeof(LegalUnitDto))]
[JsonSerializable(typeof(FacilityDto))]
[JsonSerializable(typeof(RoutingCodeDto))]
[JsonSerializable(typeof(DirectoryLineDto))]
[JsonSerializable(typeof(SearchDirectoryLineDto))]
[JsonSerializable(typeof(DirectoryLineSearchResponseDto))]
internal sealed partial class PlatformJsonContext : JsonSerializerContext;
