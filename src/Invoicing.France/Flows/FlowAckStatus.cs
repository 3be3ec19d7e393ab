using System.Text.Json.Serialization;

namespace Invoicing.France;

/// <summary>The platform's acknowledgement of a flow (XP Z12-013 <c>FlowAckStatus</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FlowAckStatus>))]
public enum FlowAckStatus
{
    /// <summary>Received, not checked yet.</summary>
    Pending,

    /// <summary>Accepted by the platform.</summary>
    Ok,

    /// <summary>Rejected by the platform; the details give the reasons.</summary>
    Error,
}
