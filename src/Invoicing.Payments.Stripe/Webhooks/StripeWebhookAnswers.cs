using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Payments.Stripe;

/// <summary>The body of a 200 answer: recorded, already-recorded or ignored.</summary>
internal sealed record StripeWebhookAnswer(string Outcome, string? Detail);

/// <summary>An RFC 9457 problem naming the rule and the field.</summary>
internal sealed record StripeWebhookProblem(int Status, string Rule, string Field, string Detail, string? Reason)
{
    public string Title => "The Stripe event was refused.";
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StripeWebhookAnswer))]
[JsonSerializable(typeof(StripeWebhookProblem))]
internal sealed partial class StripeWebhookJsonContext : JsonSerializerContext;
