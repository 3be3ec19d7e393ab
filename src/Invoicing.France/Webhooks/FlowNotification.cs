using System.Text.Json;
using Invoicing.Core;
using Invoicing.France.Http;

namespace Invoicing.France;

/// <summary>Reads the body of a webhook notification: the flow that changed (XP Z12-013 <c>Flow</c>).</summary>
public static class FlowNotification
{
    /// <summary>
    /// The flow a notification is about. Check its signature first (<see cref="FlowWebhookSignature.Verify"/>): an
    /// unsigned body proves nothing.
    /// </summary>
    /// <exception cref="InvoiceValidationException">The body is not a flow as the Flow Service documents it (rule PA-WEBHOOK-BODY).</exception>
    public static PlatformFlow Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, PlatformJsonContext.Default.FlowDto) is { FlowId: not null, Acknowledgement: not null } flow)
            {
                return FlowMapping.ToFlow(flow);
            }
        }
        catch (JsonException)
        {
            // Reported below in the caller's words.
        }

        throw PlatformInput.Invalid("PA-WEBHOOK-BODY", "body", "The notification is not a flow as the Flow Service documents it (flowId, flowType, acknowledgement...).");
    }
}
